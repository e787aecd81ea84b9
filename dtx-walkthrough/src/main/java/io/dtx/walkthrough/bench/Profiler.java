package io.dtx.walkthrough.bench;

import io.dtx.walkthrough.stack.JavaProcess;
import io.dtx.walkthrough.stack.LocalStack;
import io.dtx.walkthrough.stack.StackProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU goes inside a JVM of the stack: a JDK Flight Recorder recording, started and
 * stopped with {@code jcmd} around a measured run, then summarised by which code was on the CPU
 * (the top frame of each execution sample) grouped by library, and the hottest methods.
 */
final class Profiler {

    /** Library groups by package prefix, first match wins; what is left is "other". */
    private static final Map<String, String> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("io.dtx.", "dtx code");
        GROUPS.put("org.apache.rocketmq.", "RocketMQ (client, broker, store)");
        GROUPS.put("io.netty.", "Netty (RocketMQ remoting)");
        GROUPS.put("com.mysql.", "MySQL JDBC driver");
        GROUPS.put("com.zaxxer.hikari.", "Hikari pool");
        GROUPS.put("org.apache.ibatis.", "MyBatis");
        GROUPS.put("com.baomidou.", "MyBatis-Plus");
        GROUPS.put("tools.jackson.", "Jackson 3 (web JSON)");
        GROUPS.put("com.fasterxml.jackson.", "Jackson 2 (RocketMQ starter)");
        GROUPS.put("com.alibaba.fastjson", "fastjson (RocketMQ remoting)");
        GROUPS.put("org.apache.catalina.", "Tomcat");
        GROUPS.put("org.apache.coyote.", "Tomcat");
        GROUPS.put("org.apache.tomcat.", "Tomcat");
        GROUPS.put("org.springframework.transaction.", "Spring transactions");
        GROUPS.put("org.springframework.jdbc.", "Spring transactions");
        GROUPS.put("org.springframework.web.", "Spring MVC");
        GROUPS.put("org.springframework.", "Spring (other)");
        GROUPS.put("io.micrometer.", "Micrometer");
        GROUPS.put("ch.qos.logback.", "Logback (logging)");
        GROUPS.put("org.slf4j.", "Logback (logging)");
        GROUPS.put("org.hibernate.validator.", "Bean Validation");
        GROUPS.put("java.", "JDK");
        GROUPS.put("javax.", "JDK");
        GROUPS.put("jdk.", "JDK");
        GROUPS.put("sun.", "JDK");
    }

    private Profiler() {}

    static void start(JavaProcess process, Path file) {
        jcmd(process.pid(), "JFR.start", "name=dtx-bench", "settings=profile", "filename=" + file);
    }

    static void stop(JavaProcess process) {
        jcmd(process.pid(), "JFR.stop", "name=dtx-bench");
    }

    /**
     * Compile time of both services so far. The broker runs with the quick-start JVM settings
     * (C1 only), whose compiling is over within seconds of its start.
     */
    static Duration serviceCompileTime(LocalStack stack) {
        return compileTime(stack.pay()).plus(compileTime(stack.account()));
    }

    /**
     * How long the JIT compilers of a JVM have worked so far ({@code java.ci.totalTime}; needs the
     * JVM's performance counters, which the {@link StackProfile#BENCH} profile keeps on). While it
     * still grows quickly the JVM is not warm: on two cores its compiler threads take CPU from
     * the requests being measured.
     */
    static Duration compileTime(JavaProcess process) {
        String counters = jcmd(process.pid(), "PerfCounter.print");
        double ticksPerSecond = counter(counters, "sun.os.hrt.frequency");
        return Duration.ofNanos((long) (counter(counters, "java.ci.totalTime") / ticksPerSecond * 1e9));
    }

    private static double counter(String counters, String name) {
        return counters.lines()
                .filter(line -> line.startsWith(name + "="))
                .findFirst()
                .map(line ->
                        Double.parseDouble(line.substring(name.length() + 1).trim()))
                .orElseThrow(() -> new IllegalStateException("jcmd PerfCounter.print has no " + name));
    }

    /**
     * Between from and to: the share of CPU samples per library (the innermost non-JDK frame on the
     * stack), and the hottest methods (the top frame).
     */
    static ProfileSummary summarize(Path recording, Instant from, Instant to, int topMethods) {
        Map<String, Long> byGroup = new HashMap<>();
        Map<String, Long> byMethod = new HashMap<>();
        long samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!isSampleWithin(event, from, to)) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                RecordedFrame top = frames.get(0);
                byMethod.merge(
                        top.getMethod().getType().getName() + "."
                                + top.getMethod().getName(),
                        1L,
                        Long::sum);
                byGroup.merge(library(frames), 1L, Long::sum);
            }
        } catch (IOException e) {
            return ProfileSummary.failed("could not read " + recording + ": " + e.getMessage());
        }
        return new ProfileSummary(samples, shares(byGroup, samples, 20), shares(byMethod, samples, topMethods), null);
    }

    private static boolean isSampleWithin(RecordedEvent event, Instant from, Instant to) {
        return "jdk.ExecutionSample".equals(event.getEventType().getName())
                && event.getStackTrace() != null
                && !event.getStackTrace().getFrames().isEmpty()
                && !event.getStartTime().isBefore(from)
                && !event.getStartTime().isAfter(to);
    }

    /**
     * The library of the innermost non-JDK frame. JDK code (HashMap.get, StringBuilder.append, ...)
     * is charged to the library that called it: "JDK 60%" would say nothing about what to change.
     */
    private static String library(List<RecordedFrame> frames) {
        String group = "JDK";
        for (RecordedFrame frame : frames) {
            group = group(frame.getMethod().getType().getName());
            if (!group.equals("JDK")) {
                break;
            }
        }
        return group;
    }

    private static Map<String, Double> shares(Map<String, Long> counts, long total, int limit) {
        Map<String, Double> shares = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit)
                .forEach(e -> shares.put(e.getKey(), Math.round(1000.0 * e.getValue() / Math.max(1, total)) / 10.0));
        return shares;
    }

    private static String group(String type) {
        for (Map.Entry<String, String> g : GROUPS.entrySet()) {
            if (type.startsWith(g.getKey())) {
                return g.getValue();
            }
        }
        return "other";
    }

    static String jcmd(long pid, String... command) {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        List<String> args = new ArrayList<>(List.of(jcmd, Long.toString(pid)));
        args.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(
                        "jcmd " + String.join(" ", command) + " failed for pid " + pid + ": " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("jcmd is not available: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
