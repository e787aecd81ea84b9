package io.dtx.walkthrough.stack;

import java.time.Duration;

/** The notifier as a process of its own: started when a story or a campaign needs it, killed for real. */
public final class NotifierInstance {

    private final Workspace workspace;
    private final ServiceLaunch launch;
    private final Duration startTimeout;
    private JavaProcess process;
    private NotifierSetup setup;

    NotifierInstance(Workspace workspace, ServiceLaunch launch, Duration startTimeout) {
        this.workspace = workspace;
        this.launch = launch;
        this.startTimeout = startTimeout;
    }

    /** Starts it calling the account service back as {@code setup} says; returns once it is healthy. */
    public synchronized void start(NotifierSetup setup) {
        this.setup = setup;
        process = launch.notifier(setup).start();
        process.awaitHealthy(workspace.notifierUrl(), startTimeout);
    }

    /** Started again as it was set up the last time, on the same database and consumer group. */
    public void restart() {
        start(setup);
    }

    /** SIGKILL. */
    public synchronized void kill() {
        process.kill();
    }

    public synchronized JavaProcess process() {
        return process;
    }

    /** SIGTERM, and waits until it is gone (its consumer group keeps its offset). */
    public synchronized void stop() {
        if (process != null) {
            process.stop();
        }
    }
}
