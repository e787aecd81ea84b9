package io.dtx.walkthrough;

import io.dtx.walkthrough.bench.Benchmark;
import io.dtx.walkthrough.chaos.Chaos;
import io.dtx.walkthrough.demo.Demo;
import io.dtx.walkthrough.stack.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The options of each {@code ./dtx} command, parsed once and checked before anything starts. The
 * order of options does not matter: {@code --quick} picks the base sizes, explicit values win.
 */
final class CommandLine {

    /** What {@code ./dtx bench} was asked to do. */
    record BenchCommand(Benchmark.Settings settings, Path out) {}

    /** What {@code ./dtx chaos} was asked to do. */
    record ChaosCommand(Chaos.Settings settings, Path out) {}

    private CommandLine() {}

    /**
     * What {@code ./dtx demo} was asked to tell.
     *
     * @param steps        the bank story's steps, in the order asked for
     * @param environments the other story instead: two environments on one database, routed apart
     * @param console      whether the learners' console watches the story
     */
    record DemoCommand(List<Integer> steps, boolean environments, boolean console) {}

    /**
     * {@code demo [--step N[,M...]]... [--console] | demo --environments}: the chosen steps in the
     * order given, or every step.
     */
    static DemoCommand demo(String[] args) {
        Options options = Options.parse(args, Set.of("--environments", "--console"), Set.of("--step"));
        if (options.has("--environments")) {
            if (!options.all("--step").isEmpty() || options.has("--console")) {
                throw new IllegalArgumentException(
                        "--step and --console go with the bank story, not with --environments");
            }
            return new DemoCommand(List.of(), true, false);
        }
        List<Integer> steps = new ArrayList<>();
        for (String list : options.all("--step")) {
            for (String n : list.split(",")) {
                steps.add(intNumber("--step", n.trim()));
            }
        }
        return new DemoCommand(
                steps.isEmpty() ? IntStream.rangeClosed(1, Demo.STEPS).boxed().toList() : steps,
                false,
                options.has("--console"));
    }

    /** {@code bench [--quick] [--profile] [--out DIR]}. */
    static BenchCommand bench(String[] args, Path defaultOut) {
        Options options = Options.parse(args, Set.of("--quick", "--profile"), Set.of("--out"));
        Benchmark.Settings settings = options.has("--quick") ? Benchmark.Settings.quick() : Benchmark.Settings.full();
        return new BenchCommand(
                options.has("--profile") ? settings.profiled() : settings, options.path("--out", defaultOut));
    }

    /**
     * {@code chaos [--quick] [--recharges N] [--concurrency C] [--seconds S] [--seed X] [--faults F]
     * [--bad-inputs N] [--inputs] [--notify] [--out DIR]}; {@code defaultSeed} unless {@code --seed} is given.
     */
    static ChaosCommand chaos(String[] args, long defaultSeed, Path defaultOut) {
        Options options = Options.parse(
                args,
                Set.of("--quick", "--inputs", "--notify"),
                Set.of("--recharges", "--concurrency", "--seconds", "--seed", "--faults", "--bad-inputs", "--out"));
        long seed = options.number("--seed", defaultSeed);
        Chaos.Settings base = options.has("--quick") ? Chaos.Settings.quick(seed) : Chaos.Settings.full(seed);
        Chaos.Settings settings = new Chaos.Settings(
                options.number("--recharges", base.recharges()),
                options.number("--concurrency", base.concurrency()),
                options.number("--seconds", base.seconds()),
                seed,
                options.number("--faults", base.faults()),
                options.number("--bad-inputs", base.badInputs()),
                !options.has("--inputs"),
                false);
        return new ChaosCommand(
                options.has("--notify") ? settings.withNotifier() : settings, options.path("--out", defaultOut));
    }

    /** {@code --publisher transactional|outbox|queue-first}, which every command takes; transactional if absent. */
    static String publisher(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--publisher")) {
                if (i + 1 == args.length || !Workspace.PUBLISHERS.contains(args[i + 1])) {
                    throw new IllegalArgumentException("--publisher needs one of " + Workspace.PUBLISHERS);
                }
                return args[i + 1];
            }
        }
        return Workspace.PUBLISHERS.get(0);
    }

    /** The arguments without {@code --publisher}, {@code --lang} and their values, for the command's own options. */
    static String[] withoutPublisher(String[] args) {
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--publisher") || args[i].equals("--lang")) {
                i++;
            } else {
                rest.add(args[i]);
            }
        }
        return rest.toArray(String[]::new);
    }

    /** The languages the walkthrough speaks: the demo's story and the console's page. */
    static final Map<String, Locale> LANGUAGES =
            new TreeMap<>(Map.of("en", Locale.ROOT, "zh-CN", Locale.SIMPLIFIED_CHINESE));

    /** {@code --lang en|zh-CN}, else {@code DTX_LANG} ({@code dtxLang}, may be null), else English. */
    static Locale language(String[] args, String dtxLang) {
        String asked = dtxLang == null || dtxLang.isBlank() ? "en" : dtxLang.trim();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang")) {
                asked = i + 1 == args.length ? "" : args[i + 1];
            }
        }
        Locale language = LANGUAGES.get(asked);
        if (language == null) {
            throw new IllegalArgumentException(
                    "--lang (or DTX_LANG) needs one of " + LANGUAGES.keySet() + ", not '" + asked + "'");
        }
        return language;
    }

    private static long number(String option, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not \"" + text + "\"");
        }
    }

    private static int intNumber(String option, String text) {
        long value = number(option, text);
        if (value != (int) value) {
            throw new IllegalArgumentException(option + " is out of range: " + text);
        }
        return (int) value;
    }

    /** A command's flags, and the values of its other options in the order given. */
    private record Options(Set<String> flags, Map<String, List<String>> values) {

        /** {@code args[0]} is the command; unknown options and missing values are refused. */
        static Options parse(String[] args, Set<String> flagNames, Set<String> valueNames) {
            Set<String> flags = new HashSet<>();
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (int i = 1; i < args.length; i++) {
                String option = args[i];
                if (flagNames.contains(option)) {
                    flags.add(option);
                } else if (valueNames.contains(option)) {
                    if (++i >= args.length) {
                        throw new IllegalArgumentException(option + " needs a value");
                    }
                    values.computeIfAbsent(option, o -> new ArrayList<>()).add(args[i]);
                } else {
                    throw new IllegalArgumentException("unknown option: " + option);
                }
            }
            return new Options(flags, values);
        }

        boolean has(String flag) {
            return flags.contains(flag);
        }

        List<String> all(String option) {
            return values.getOrDefault(option, List.of());
        }

        /** The value given last, or null. */
        String last(String option) {
            List<String> given = all(option);
            return given.isEmpty() ? null : given.get(given.size() - 1);
        }

        int number(String option, int fallback) {
            String text = last(option);
            return text == null ? fallback : intNumber(option, text);
        }

        long number(String option, long fallback) {
            String text = last(option);
            return text == null ? fallback : CommandLine.number(option, text);
        }

        Path path(String option, Path fallback) {
            String text = last(option);
            return text == null ? fallback : Path.of(text).toAbsolutePath();
        }
    }
}
