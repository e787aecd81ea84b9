package io.dtx.walkthrough.stack;

import io.dtx.contract.MessageSigning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The bank on this machine: the broker, the database, the two services and, when asked, the
 * notifier, each a process of its own, so that killing one is a real crash of that one only.
 * Secrets are made for each run ({@link RunSecrets}; the sandbox makes the database passwords).
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Workspace workspace;
    private final StackProfile profile;
    private final SandboxEnv sandbox = new SandboxEnv();
    private ServiceLaunch launch;
    private JavaProcess broker;
    private JavaProcess database;
    private volatile JavaProcess pay; // started on a thread of its own, stopped by close()
    private volatile JavaProcess account;
    private final BesidePays besidePays = new BesidePays();
    private NotifierInstance notifier;
    private RelayInstance relay;
    private volatile boolean callbacksOnly;
    /** The campaign's second broker and second instance of each service, when it runs them. */
    private final SecondInstances second = new SecondInstances();

    private RunSecrets secrets;
    /** Set by close(): Ctrl-C runs close() while the story may be about to (re)start a process. */
    private volatile boolean closed;

    public LocalStack(Workspace workspace, StackProfile profile) {
        this.workspace = workspace;
        this.profile = profile;
    }

    /** Starts everything on a fresh database (numbers from the seed); a failed start stops what it started. */
    public LocalStack start() {
        try {
            return startEverything();
        } catch (RuntimeException e) {
            RunFiles.runAfter(e, this::close); // its caller gets no stack to close
            throw e;
        }
    }

    private LocalStack startEverything() {
        RunFiles.deleteRecursively(workspace.runDir());
        secrets = RunSecrets.create(workspace.runDir());
        database = sandboxPart("database", Map.of(), JvmOptions.QUICK).start();
        broker = sandboxPart("broker", Map.of(), JvmOptions.QUICK).start();
        sandbox.add(RunFiles.awaitEnvFile(database, workspace.sandboxEnv("database"), START_TIMEOUT));
        sandbox.add(RunFiles.awaitEnvFile(broker, workspace.sandboxEnv("broker"), START_TIMEOUT));
        launch = new ServiceLaunch(workspace, profile, sandbox, secrets);
        launch.callbacksOnly(callbacksOnly);
        notifier = new NotifierInstance(workspace, launch, START_TIMEOUT);
        relay = new RelayInstance(workspace, launch, START_TIMEOUT);
        // With binlog the relay starts before the first payment: with no saved position it starts at the end.
        startServices(workspace.binlog() ? relay::start : () -> {});
        return this;
    }

    /** Pay beside the account (and {@code alongside}); pay's start has ended, either way, on return. */
    private void startServices(Runnable alongside) {
        CompletableFuture<Void> payUp = CompletableFuture.runAsync(this::startPay);
        try {
            alongside.run();
            startAccount();
        } catch (RuntimeException e) {
            RunFiles.runAfter(e, payUp::join);
            throw e;
        }
        payUp.join();
    }

    public void startPay() {
        refuseIfClosed();
        pay = launch.pay().start();
        pay.awaitHealthy(workspace.payUrl(), START_TIMEOUT);
    }

    public void startAccount() {
        // Later starts are restarts (step 5): step 4 is behind us, so reconciliation may start soon.
        refuseIfClosed();
        account = launch.account(account != null).start();
        account.awaitHealthy(workspace.accountUrl(), START_TIMEOUT);
    }

    /** Both services stopped, then started with these settings on top of their usual ones (a lever). */
    public void restartWith(Map<String, String> paySettings, Map<String, String> accountSettings) {
        stop(account);
        stop(pay);
        launch.overrides(paySettings, accountSettings);
        startServices(() -> {});
    }

    /** From the next account start on: true takes payments by callbacks only, false consumes too. */
    public void callbacksOnly(boolean only) {
        this.callbacksOnly = only;
        if (launch != null) {
            launch.callbacksOnly(only);
        }
    }

    /** The binlog relay; running from the start with publisher {@code binlog}, otherwise not at all. */
    public RelayInstance relay() {
        return relay;
    }

    /** The notifier; not running until something starts it. */
    public NotifierInstance notifier() {
        return notifier;
    }

    /** A sandbox part (the broker with its name server, or the database) as a process of its own. */
    private JavaProcess sandboxPart(String part, Map<String, String> env, List<String> jvmOptions) {
        String home = workspace.runDir().resolve("sandbox").toString();
        List<String> args = List.of(home, workspace.sandboxEnv(part).toString(), part);
        return new JavaProcess(part, workspace.sandboxJar(), args, env, workspace, jvmOptions);
    }

    /** A second broker in the same cluster and a second instance of each service (the fault campaign's). */
    public void startSecondInstances() {
        refuseIfClosed();
        second.start(workspace, launch, namesrvAddr(), START_TIMEOUT);
    }

    /** Another pay instance beside the first (the benchmark's), on {@code payPort + offset}; its URL. */
    public String startPayBeside(String publisher, int offset) {
        refuseIfClosed();
        return besidePays.start(workspace, launch, publisher, offset, START_TIMEOUT);
    }

    /** The pay instance started beside the first with this publisher, or null. */
    public JavaProcess payBeside(String publisher) {
        return besidePays.get(publisher);
    }

    /** SIGKILL of the second broker and the second instance of each service; none comes back. */
    public List<String> killSecondInstances() {
        return second.kill();
    }

    /** SIGKILL of the broker process: the name server and broker die mid-flight, as in a power cut. */
    public void killBroker() {
        broker.kill();
    }

    /** Starts the broker again on the same ports and store; it recovers its messages from the files. */
    public void restartBroker() {
        restartBroker(JvmOptions.QUICK);
    }

    /** The broker stopped, then started with the services' full JIT and heap: the benchmark's lever. */
    public void restartBrokerWithFullJit() {
        stop(broker);
        restartBroker(JvmOptions.FULL);
    }

    private void restartBroker(List<String> jvmOptions) {
        refuseIfClosed();
        RunFiles.deleteIfExists(workspace.sandboxEnv("broker")); // the new process writes it once up
        broker = sandboxPart("broker", sandbox.brokerPorts(), jvmOptions).start();
        RunFiles.awaitEnvFile(broker, workspace.sandboxEnv("broker"), START_TIMEOUT);
    }

    /** The broker's disks lost: SIGKILL, store deleted, started again empty; whether there was a store. */
    public boolean wipeBrokerStore() {
        broker.kill();
        Path store = workspace.runDir().resolve("sandbox").resolve("rocketmq");
        boolean existed = Files.isDirectory(store);
        RunFiles.deleteRecursively(store);
        restartBroker();
        return existed;
    }

    public JavaProcess pay() {
        return pay;
    }

    public JavaProcess account() {
        return account;
    }

    public JavaProcess broker() {
        return broker;
    }

    public JavaProcess database() {
        return database;
    }

    /** The run's message key, for a message put on the topic again by hand (a redelivery is signed). */
    public MessageSigning messageSigning() {
        return MessageSigning.forSigning(secrets.messageKeys(), RunSecrets.MESSAGE_KEY_ID);
    }

    /** The shared secret of the internal endpoints, made for this run. */
    public String serviceToken() {
        return secrets == null ? null : secrets.serviceToken(); // null before start()
    }

    public String namesrvAddr() {
        return sandbox.namesrvAddr();
    }

    /** The sandbox's addresses and the database administrator's login, made for this run. */
    public SandboxEnv sandbox() {
        return sandbox;
    }

    /** Stops both services side by side, then the broker and the database side by side. */
    @Override
    public synchronized void close() {
        closed = true;
        CompletableFuture<Void> payStopped = CompletableFuture.runAsync(() -> stop(pay));
        CompletableFuture<Void> secondStopped = CompletableFuture.runAsync(() -> {
            second.stopServices();
            besidePays.stop();
            Optional.ofNullable(notifier).ifPresent(NotifierInstance::stop);
            Optional.ofNullable(relay).ifPresent(RelayInstance::stop);
        });
        stop(account);
        payStopped.join();
        secondStopped.join();
        CompletableFuture<Void> brokerStopped =
                CompletableFuture.runAsync(second::stopBroker).thenRun(() -> stop(broker));
        stop(database);
        brokerStopped.join();
    }

    private static void stop(JavaProcess process) {
        Optional.ofNullable(process).ifPresent(JavaProcess::stop);
    }

    private void refuseIfClosed() {
        if (closed) {
            throw new IllegalStateException("the stack is shutting down");
        }
    }
}
