package io.dtx.walkthrough.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where things are: the repository's runnable jars, and {@code .dtx/} for the processes' files
 * (pid files, logs, the sandbox's data). Nothing is written outside the repository.
 *
 * @param root     the repository
 * @param stateDir {@code .dtx/} by default
 * @param payPort  the pay service's HTTP port
 * @param accountPort the account service's HTTP port
 * @param publisher how payments are taken and published: {@code transactional}, {@code outbox},
 *                  {@code queue-first} (requests written to the broker, paid on consumption) or
 *                  {@code binlog} (the payment row only; the binlog relay publishes it)
 */
public record Workspace(Path root, Path stateDir, int payPort, int accountPort, String publisher) {

    /** The publishers the pay service offers ({@code DTX_PAY_PUBLISHER}). */
    public static final List<String> PUBLISHERS = List.of("transactional", "outbox", "queue-first", "binlog");

    /** The pay service writes only the payment; the binlog relay, a process of its own, publishes it. */
    public boolean binlog() {
        return publisher.equals("binlog");
    }

    /** Customers write the queue first: {@code POST /pay/recharge-requests}, not {@code /pay/recharges}. */
    public boolean queueFirst() {
        return publisher.equals("queue-first");
    }

    public Workspace {
        if (!PUBLISHERS.contains(publisher)) {
            throw new IllegalArgumentException("publisher must be one of " + PUBLISHERS + ", not " + publisher);
        }
    }

    /** With the default publisher, the transactional (half) message. */
    public Workspace(Path root, Path stateDir, int payPort, int accountPort) {
        this(root, stateDir, payPort, accountPort, PUBLISHERS.get(0));
    }

    public Workspace withPublisher(String other) {
        return new Workspace(root, stateDir, payPort, accountPort, other);
    }

    public Path runDir() {
        return stateDir.resolve("run");
    }

    public Path logDir() {
        return stateDir.resolve("logs");
    }

    /** The env file a sandbox part ({@code broker} or {@code database}) writes once it is ready. */
    Path sandboxEnv(String part) {
        return runDir().resolve(part + ".env");
    }

    /**
     * While this file exists, the pay service (with the lab's pauses on) holds each payment at the
     * moment the file names ({@link PauseMoment}) and writes its id to {@link #pausedMarker()}.
     */
    public Path pauseTrigger() {
        return runDir().resolve("pause");
    }

    public Path pausedMarker() {
        return Path.of(pauseTrigger() + ".paused");
    }

    Path sandboxJar() {
        return execJar("dtx-sandbox");
    }

    Path payJar() {
        return execJar("dtx-pay-service");
    }

    Path accountJar() {
        return execJar("dtx-account-service");
    }

    Path notifierJar() {
        return execJar("dtx-notifier");
    }

    Path relayJar() {
        return execJar("dtx-binlog-relay");
    }

    /** The binlog relay listens four ports above the pay service. */
    public int relayPort() {
        return payPort + 4;
    }

    public String relayUrl() {
        return "http://127.0.0.1:" + relayPort();
    }

    public String relayManagementUrl() {
        return "http://127.0.0.1:" + managementPort(relayPort());
    }

    /** The notifier listens three ports above the pay service (the second instances take +2). */
    public int notifierPort() {
        return payPort + 3;
    }

    public String notifierUrl() {
        return "http://127.0.0.1:" + notifierPort();
    }

    public String notifierManagementUrl() {
        return "http://127.0.0.1:" + managementPort(notifierPort());
    }

    public String payUrl() {
        return "http://127.0.0.1:" + payPort;
    }

    public String accountUrl() {
        return "http://127.0.0.1:" + accountPort;
    }

    /** Metrics and health live on a port of their own, on loopback: the API port plus ten. */
    public String payManagementUrl() {
        return "http://127.0.0.1:" + managementPort(payPort);
    }

    public String accountManagementUrl() {
        return "http://127.0.0.1:" + managementPort(accountPort);
    }

    static int managementPort(int apiPort) {
        return apiPort + 10;
    }

    /** The campaign's second instance of a service listens two ports above the first. */
    static int secondInstancePort(int apiPort) {
        return apiPort + 2;
    }

    public String secondPayManagementUrl() {
        return "http://127.0.0.1:" + managementPort(secondInstancePort(payPort));
    }

    public String secondPayUrl() {
        return "http://127.0.0.1:" + secondInstancePort(payPort);
    }

    private Path execJar(String module) {
        Path target = root.resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "No runnable jar in " + target + ": run ./mvnw -B -DskipTests package"));
        } catch (IOException e) {
            throw new UncheckedIOException("No " + target + ": run ./mvnw -B -DskipTests package", e);
        }
    }
}
