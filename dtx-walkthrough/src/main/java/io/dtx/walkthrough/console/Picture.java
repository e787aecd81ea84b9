package io.dtx.walkthrough.console;

import io.dtx.walkthrough.probe.DeadLetters;
import io.dtx.walkthrough.probe.Http;
import io.dtx.walkthrough.probe.Reply;
import io.dtx.walkthrough.stack.JavaProcess;
import io.dtx.walkthrough.stack.LocalStack;
import io.dtx.walkthrough.stack.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole picture beside the journeys: balances (the account service's API), every {@code dtx_*}
 * counter and gauge each service publishes (its Prometheus page, so a new counter shows up without
 * a change here), the dead-letter queue's depth (the broker's admin interface) and the processes.
 */
final class Picture {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> ACCOUNTS = List.of(Faults.HOT_ACCOUNT);

    private final Workspace workspace;
    private final LocalStack stack;
    private final Http http;
    private volatile long deadLetters = -1;

    Picture(Workspace workspace, LocalStack stack, Http http) {
        this.workspace = workspace;
        this.stack = stack;
        this.http = http;
    }

    private volatile Map<String, Object> last = Map.of();
    private volatile long lastAt;

    /** At most a second old: every open page asks every second, the services need not answer each. */
    Map<String, Object> now() {
        if (lastAt != 0 && System.nanoTime() - lastAt < 1_000_000_000L) {
            return last;
        }
        last = read();
        lastAt = System.nanoTime();
        return last;
    }

    private Map<String, Object> read() {
        Map<String, Object> picture = new LinkedHashMap<>();
        picture.put("balances", balances());
        Map<String, Object> counters = new LinkedHashMap<>();
        counters.put("pay", counters(workspace.payManagementUrl()));
        counters.put("account", counters(workspace.accountManagementUrl()));
        counters.put("notifier", counters(workspace.notifierManagementUrl()));
        if (workspace.binlog()) {
            counters.put("relay", counters(workspace.relayManagementUrl()));
        }
        picture.put("counters", counters);
        picture.put("deadLetters", deadLetters);
        picture.put("processes", processes());
        return picture;
    }

    /** Asked of the broker now and then: each reading starts a client of its own. */
    void readDeadLetters() {
        deadLetters = DeadLetters.perQueue(stack.namesrvAddr()).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    private List<Map<String, Object>> balances() {
        List<Map<String, Object>> balances = new ArrayList<>();
        for (String accountNo : ACCOUNTS) {
            Reply reply = http.get(workspace.accountUrl() + "/accounts/" + accountNo);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("accountNo", accountNo);
            if (reply.status() == 200) {
                JsonNode account = JSON.readTree(reply.body());
                row.put("name", account.get("accountName").asString());
                row.put("balance", account.get("balance").asString());
            } else {
                row.put("balance", "unknown: the account service does not answer");
            }
            balances.add(row);
        }
        return balances;
    }

    /** Each {@code dtx_*} series of the page, by its full name with labels; empty if no answer. */
    private Map<String, String> counters(String managementUrl) {
        Map<String, String> series = new LinkedHashMap<>();
        Reply page = http.get(managementUrl + "/actuator/prometheus");
        if (page.status() != 200) {
            return series;
        }
        for (String line : page.body().split("\n")) {
            int space = line.lastIndexOf(' ');
            if (line.startsWith("dtx_") && space > 0 && !line.contains("_seconds_bucket")) {
                series.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        return series;
    }

    private List<Map<String, Object>> processes() {
        List<Map<String, Object>> processes = new ArrayList<>();
        add(processes, "pay service", stack.pay());
        add(processes, "account service", stack.account());
        add(processes, "broker", stack.broker());
        add(processes, "database", stack.database());
        add(
                processes,
                "notifier",
                stack.notifier() == null ? null : stack.notifier().process());
        if (workspace.binlog()) {
            add(processes, "binlog relay", stack.relay().process());
        }
        return processes;
    }

    private static void add(List<Map<String, Object>> processes, String name, JavaProcess process) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("pid", process == null ? null : process.pid());
        row.put("state", process != null && process.handle().isAlive() ? "running" : "stopped");
        processes.add(row);
    }
}
