package io.dtx.walkthrough.bench;

import io.dtx.walkthrough.stack.JavaProcess;
import io.dtx.walkthrough.stack.LocalStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * With {@code --profile}: a Flight Recorder recording in each JVM of the stack, written next to
 * the report as {@code profile-<process>.jfr}, and read for each dtx saturation run. Without, it
 * does nothing.
 */
final class Recordings {

    private record Window(Instant from, Instant to) {}

    /** The JVMs recorded, by the name used in the report; empty without {@code --profile}. */
    private final Map<String, JavaProcess> jvms;

    private final Path outDir;
    /** When each scenario's dtx saturation run happened, for reading the profiles afterwards. */
    private final Map<String, Window> dtxRuns = new HashMap<>();

    Recordings(LocalStack stack, boolean profile, Path outDir) {
        this.jvms = profile
                ? Map.of("pay_service", stack.pay(), "account_service", stack.account(), "broker_jvm", stack.broker())
                : Map.of();
        this.outDir = outDir;
    }

    void start() {
        jvms.forEach((process, jvm) -> Profiler.start(jvm, file(process)));
    }

    void stop() {
        jvms.values().forEach(Profiler::stop);
    }

    void markDtxRun(String scenario, Instant from, Instant to) {
        if (!jvms.isEmpty()) {
            dtxRuns.put(scenario, new Window(from, to));
        }
    }

    /** Where each recorded JVM spent its CPU during the scenario's dtx run; null without {@code --profile}. */
    Map<String, ProfileSummary> dtxProfile(String scenario) {
        Window window = dtxRuns.get(scenario);
        if (window == null) {
            return null;
        }
        Map<String, ProfileSummary> profiles = new TreeMap<>();
        jvms.keySet()
                .forEach(process ->
                        profiles.put(process, Profiler.summarize(file(process), window.from(), window.to(), 12)));
        return profiles;
    }

    private Path file(String process) {
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return outDir.resolve("profile-" + process + ".jfr");
    }
}
