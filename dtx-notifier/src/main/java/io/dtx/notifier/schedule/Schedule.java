package io.dtx.notifier.schedule;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * When a notification is attempted: the first attempt at once, then one more after each interval.
 * An attempt is due at the notification's start plus the intervals before it, never at "the last
 * attempt plus one interval": so a late attempt (the notifier was down) does not push back the
 * ones after it, and a restart neither skips nor adds one.
 *
 * @param name      a preset's name, or the list as written
 * @param intervals the waits between attempts; attempts = intervals + 1
 */
public record Schedule(String name, List<Duration> intervals) {

    /** Alipay: 8 notifications in about 25 hours, until the reply is {@code success}. */
    public static final String ALIPAY = "alipay";
    /** WeChat Pay: 16 notifications in 24 h 4 m. */
    public static final String WECHAT = "wechat";
    /** The course's broker-redelivery levels (scheme 1), offered to HTTP receivers too. */
    public static final String MQ_LEVELS = "mq-levels";
    /** 1 s, 5 s, then three times longer each time up to an hour; 50 attempts, then the receiver must query. */
    public static final String GROWING = "growing";

    private static final int GROWING_ATTEMPTS = 50;

    private static final Map<String, String> PRESETS = Map.of(
            ALIPAY, "4m,10m,10m,1h,2h,6h,15h",
            WECHAT, "15s,15s,30s,3m,10m,20m,30m,30m,30m,60m,3h,3h,3h,6h,6h",
            MQ_LEVELS, "1m,5m,10m,30m,1h,2h,5h,10h");

    public Schedule {
        intervals = List.copyOf(intervals);
        if (intervals.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("Schedule " + name + ": every interval must be positive");
        }
    }

    /**
     * A preset's name ({@value #ALIPAY}, {@value #WECHAT}, {@value #MQ_LEVELS}, {@value #GROWING})
     * or a comma-separated list of waits: {@code 15s,1m,2h,1d} or ISO-8601 ({@code PT15S}).
     *
     * @throws IllegalArgumentException naming what could not be read
     */
    public static Schedule parse(String text) {
        String spec = text == null ? "" : text.strip();
        if (spec.isEmpty()) {
            throw new IllegalArgumentException("A schedule is a preset (" + presets() + ") or a list like 15s,1m,1h");
        }
        if (spec.equals(GROWING)) {
            return new Schedule(GROWING, growing());
        }
        List<Duration> intervals = new ArrayList<>();
        for (String part : PRESETS.getOrDefault(spec, spec).split(",")) {
            intervals.add(duration(part.strip()));
        }
        return new Schedule(spec, intervals);
    }

    /** The preset names, for messages and the docs. */
    public static String presets() {
        return String.join(", ", ALIPAY, WECHAT, MQ_LEVELS, GROWING);
    }

    public int attempts() {
        return intervals.size() + 1;
    }

    /** How long after the start attempt {@code n} (1-based) is due. */
    public Duration offsetOf(int attempt) {
        if (attempt < 1 || attempt > attempts()) {
            throw new IllegalArgumentException("Attempt " + attempt + " of a schedule of " + attempts());
        }
        return intervals.subList(0, attempt - 1).stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** The wait before attempt {@code n} (2 or later): what jitter is a fraction of. */
    public Duration intervalBefore(int attempt) {
        return intervals.get(attempt - 2);
    }

    /** Every attempt's offset from the start, in order (attempt 1 first, always zero). */
    public List<Duration> offsets() {
        List<Duration> offsets = new ArrayList<>();
        for (int attempt = 1; attempt <= attempts(); attempt++) {
            offsets.add(offsetOf(attempt));
        }
        return offsets;
    }

    private static List<Duration> growing() {
        List<Duration> intervals = new ArrayList<>(List.of(Duration.ofSeconds(1), Duration.ofSeconds(5)));
        while (intervals.size() < GROWING_ATTEMPTS - 1) {
            Duration next = intervals.get(intervals.size() - 1).multipliedBy(3);
            intervals.add(next.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : next);
        }
        return intervals;
    }

    private static Duration duration(String text) {
        try {
            if (text.toUpperCase(Locale.ROOT).startsWith("P")) {
                return Duration.parse(text);
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            return switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new NumberFormatException();
            };
        } catch (DateTimeParseException | NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a wait: write 15s, 1m, 2h, 1d or PT15S (a preset: " + presets() + ")");
        }
    }
}
