package io.dtx.walkthrough.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One JVM the walkthrough started: its own process, its own log file, killed for real when asked. */
public final class JavaProcess {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path log;
    private final Path pidFile;
    private final Path tmpDir;
    private volatile Process process;
    /** Set by stop() and kill() (under the lock): a start-up's one restart must not bring back what was stopped. */
    private boolean stopRequested;
    /** Where this life's output begins in the log, which every start appends to. */
    private long logStart;

    JavaProcess(
            String name,
            Path jar,
            List<String> args,
            Map<String, String> env,
            Workspace workspace,
            List<String> jvmOptions) {
        this.name = name;
        this.env = env;
        this.log = workspace.logDir().resolve(name + ".log");
        this.pidFile = workspace.runDir().resolve(name + ".pid");
        Path home = workspace.stateDir().resolve("home");
        this.tmpDir = home.resolve("tmp");
        this.command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        this.command.addAll(jvmOptions);
        this.command.addAll(List.of("-Duser.home=" + home, "-Djava.io.tmpdir=" + tmpDir, "-jar", jar.toString()));
        this.command.addAll(args);
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    synchronized JavaProcess start() {
        stopRequested = false;
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(pidFile.getParent());
            Files.createDirectories(tmpDir);
            logStart = Files.exists(log) ? Files.size(log) : 0;
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no goodbye to the broker, exactly like a crash. */
    public void kill() {
        requestStop();
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(10));
    }

    /** SIGTERM, then SIGKILL if it does not end in time. */
    void stop() {
        requestStop();
        if (!alive()) {
            return;
        }
        process.destroy();
        if (!waitForExit(Duration.ofSeconds(30))) {
            process.destroyForcibly();
            waitForExit(Duration.ofSeconds(10));
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is harmless: ./dtx down checks the process first
        }
    }

    /**
     * Waits until the service answers ready. A service whose RocketMQ client timed out during
     * start-up exits (rocketmq-spring starts its listeners that way); on a loaded machine a name
     * server can take longer than the client's 3 s. Like a supervisor's restart policy, it is
     * started once more, with a timeout of its own, for that cause only (the error Spring Boot's
     * start ended with); any other exit fails at once.
     */
    void awaitHealthy(String baseUrl, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean restarted = false;
        while (System.nanoTime() < deadline) {
            if (!alive()) {
                if (restarted || !rocketMqTimedOut() || !restartUnlessStopped()) {
                    throw new IllegalStateException(name + " exited during start-up; see " + log + "\n" + tail());
                }
                restarted = true;
                deadline = System.nanoTime() + timeout.toNanos();
                continue;
            }
            if (healthy(baseUrl)) {
                return;
            }
            RunFiles.pause(250);
        }
        throw new IllegalStateException(name + " not healthy after " + timeout + "; see " + log + "\n" + tail());
    }

    private static boolean healthy(String baseUrl) {
        try {
            HttpResponse<String> health = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/readyz"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
        } catch (IOException notYet) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private synchronized void requestStop() {
        stopRequested = true;
    }

    private synchronized boolean restartUnlessStopped() {
        if (stopRequested) {
            return false;
        }
        System.err.println(name + ": RocketMQ did not answer in time during start-up; starting it once more");
        start();
        return true;
    }

    /** Whether this life's start failed on a RocketMQ call that timed out (name server or broker too slow). */
    private boolean rocketMqTimedOut() {
        try (var in = Files.newInputStream(log)) {
            in.skipNBytes(logStart);
            String life = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int failed = life.indexOf("Application run failed");
            return failed >= 0 && life.indexOf("RemotingTimeoutException", failed) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
