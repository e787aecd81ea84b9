package io.dtx.relay.routing;

import io.dtx.relay.binlog.CommittedTransaction;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Names the environment of a transaction from its thread id, or says why it cannot. */
@Component
public class Router {

    private final RoutingSettings settings;
    private final Map<String, String> environments;
    private final ProcessList processList;
    private volatile long localServerId;

    Router(RoutingSettings settings, ProcessList processList) {
        this.settings = settings;
        this.environments = settings.userEnvironments();
        this.processList = processList;
    }

    public Route route(CommittedTransaction transaction) {
        if (!settings.enabled()) {
            return new Route.To(settings.environment());
        }
        if (transaction.serverId() != localServerId) {
            return new Route.Unroutable(
                    "written by server " + transaction.serverId() + ", not this one (" + localServerId
                            + "): its thread id names no connection here",
                    null);
        }
        if (transaction.threadId() == 0) {
            return new Route.Unroutable("the binlog names no thread for this transaction", null);
        }
        Optional<String> user = processList.userOf(transaction.threadId(), transaction.writtenAt());
        if (user.isEmpty()) {
            return new Route.Unroutable("thread " + transaction.threadId() + " was gone before it was looked up", null);
        }
        return environmentOf(user.get());
    }

    /**
     * A new connection to the server: what was learnt of its connections may be stale (it may have
     * restarted), and only its own transactions' thread ids name its connections.
     */
    public void connectedTo(long serverId) {
        localServerId = serverId;
        processList.forget();
    }

    /** The environment configured for a user: also what compensation asks again later. */
    public Route environmentOf(String user) {
        String environment = environments.get(user);
        return environment == null
                ? new Route.Unroutable("user " + user + " is mapped to no environment", user)
                : new Route.To(environment);
    }

    /** The users mapped to an environment: the kept payments compensation can place by itself. */
    public Set<String> mappedUsers() {
        return environments.keySet();
    }

    /** Whether a person may name this environment: only one the relay routes to. */
    public boolean knows(String environment) {
        return settings.enabled()
                ? environments.containsValue(environment)
                : environment.equals(settings.environment());
    }
}
