package io.dtx.walkthrough.bench;

import io.dtx.walkthrough.probe.Http;
import io.dtx.walkthrough.probe.Waits;
import io.dtx.walkthrough.stack.LocalStack;
import io.dtx.walkthrough.stack.Workspace;
import java.time.Duration;

/**
 * The pools a trial really ran with, read from the running services rather than from the settings
 * the bench passed: each service's connection pool (Hikari's own gauge) and the account
 * consumer's threads (those its JVM holds; the client starts them one per task up to its size, so
 * after a saturation run they show the size).
 */
final class PoolMeter {

    /** How the RocketMQ client names a push consumer's crediting threads. */
    private static final String CONSUMER_THREAD = "\"ConsumeMessageThread_";

    private final LocalStack stack;
    private final Workspace workspace;
    private final Http http;

    PoolMeter(LocalStack stack, Workspace workspace) {
        this.stack = stack;
        this.workspace = workspace;
        this.http = new Http(stack.serviceToken());
    }

    /**
     * @param payConnections     the pay service's pool size
     * @param accountConnections the account service's pool size
     * @param consumerThreads    the account consumer's crediting threads
     */
    record Pools(int payConnections, int accountConnections, int consumerThreads) {

        String line() {
            return String.format(
                    "pools: pay %d connections, account %d connections and %d consumer threads",
                    payConnections, accountConnections, consumerThreads);
        }
    }

    Pools read() {
        String threads = Profiler.jcmd(stack.account().pid(), "Thread.print");
        int consumerThreads = (int)
                threads.lines().filter(line -> line.startsWith(CONSUMER_THREAD)).count();
        return new Pools(
                connections(workspace.payManagementUrl()),
                connections(workspace.accountManagementUrl()),
                consumerThreads);
    }

    /**
     * Until both pools hold every connection they keep (Hikari opens them in the background after
     * a start): each new connection runs its own SETs and SELECTs, which a trial would otherwise
     * count as the recharges'.
     */
    void awaitFilled() {
        boolean filled = Waits.eventually(
                Duration.ofSeconds(60),
                () -> filled(workspace.payManagementUrl()) && filled(workspace.accountManagementUrl()));
        if (!filled) {
            throw new IllegalStateException("the services' connection pools were not filled within a minute");
        }
    }

    private boolean filled(String managementUrl) {
        return http.metric(managementUrl, "hikaricp_connections")
                >= http.metric(managementUrl, "hikaricp_connections_min");
    }

    private int connections(String managementUrl) {
        return (int) http.metric(managementUrl, "hikaricp_connections_max");
    }
}
