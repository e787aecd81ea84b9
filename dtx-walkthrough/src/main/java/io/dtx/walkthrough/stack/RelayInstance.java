package io.dtx.walkthrough.stack;

import java.time.Duration;

/**
 * The binlog relay as a process of its own (publisher {@code binlog}): started with the stack,
 * killed for real, started again on the same database, where it resumes from its saved position.
 */
public final class RelayInstance {

    private final Workspace workspace;
    private final ServiceLaunch launch;
    private final Duration startTimeout;
    private JavaProcess process;

    RelayInstance(Workspace workspace, ServiceLaunch launch, Duration startTimeout) {
        this.workspace = workspace;
        this.launch = launch;
        this.startTimeout = startTimeout;
    }

    /** Starts it; returns once it is healthy (reading, or about to). */
    public synchronized void start() {
        // It starts late, after many connections: wait out one that holds its port for a moment.
        RunFiles.awaitPortsFree(
                Duration.ofSeconds(30), workspace.relayPort(), Workspace.managementPort(workspace.relayPort()));
        process = launch.relay().start();
        process.awaitHealthy(workspace.relayUrl(), startTimeout);
    }

    /** SIGKILL: no shutdown hook, no last position save. */
    public synchronized void kill() {
        process.kill();
    }

    public synchronized JavaProcess process() {
        return process;
    }

    /** SIGTERM, and waits until it is gone: it saves its position on the way out. */
    public synchronized void stop() {
        if (process != null) {
            process.stop();
        }
    }
}
