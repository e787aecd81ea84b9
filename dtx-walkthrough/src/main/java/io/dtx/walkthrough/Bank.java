package io.dtx.walkthrough;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The story's hands: HTTP calls to the two services and SQL on the two databases. */
final class Bank {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    record Reply(int status, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String field(String name) {
            JsonNode node = json().get(name);
            return node == null ? null : node.asString();
        }
    }

    private final Workspace workspace;
    private final LocalStack stack;
    private final Narrator say;

    Bank(Workspace workspace, LocalStack stack, Narrator say) {
        this.workspace = workspace;
        this.stack = stack;
        this.say = say;
    }

    Reply recharge(String accountNo, String amount, String idempotencyKey) {
        String body = "{\"accountNo\":\"" + accountNo + "\",\"amount\":\"" + amount + "\"}";
        return post(workspace.payUrl(), "/pay/recharges", body, idempotencyKey);
    }

    Reply post(String baseUrl, String path, String body, String idempotencyKey) {
        say.request("POST " + path + (idempotencyKey == null ? "" : "  Idempotency-Key: " + idempotencyKey) + (body.isEmpty() ? "" : "  " + body));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + stack.serviceToken()) // the story also plays the operator
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        Reply reply = send(request.build());
        say.response(reply.status(), reply.body());
        return reply;
    }

    Reply get(String baseUrl, String path) {
        say.request("GET " + path);
        Reply reply = send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + stack.serviceToken()).GET().build());
        say.response(reply.status(), reply.body());
        return reply;
    }

    /** A counter from a service's Prometheus page, e.g. {@code dtx_pay_checkback_total{answer="commit"}}. */
    double metric(String baseUrl, String series) {
        Reply page = send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus")).GET().build());
        double total = 0;
        for (String line : page.body().split("\n")) {
            if (line.startsWith(series.substring(0, series.indexOf('{') < 0 ? series.length() : series.indexOf('{')))
                    && matchesLabels(line, series)) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    private static boolean matchesLabels(String line, String series) {
        int open = series.indexOf('{');
        if (open < 0) {
            return line.startsWith(series + " ") || line.startsWith(series + "{");
        }
        for (String label : series.substring(open + 1, series.length() - 1).split(",")) {
            if (!line.contains(label)) {
                return false;
            }
        }
        return true;
    }

    BigDecimal balance(String accountNo) {
        return scalar("bank1", "SELECT account_balance FROM account_info WHERE account_no = ?", BigDecimal.class, accountNo);
    }

    long credits(String txNo) {
        return scalar("bank1", "SELECT COUNT(*) FROM de_duplication WHERE tx_no = ?", Long.class, txNo);
    }

    <T> T scalar(String schema, String sql, Class<T> type, Object... args) {
        List<Map<String, Object>> rows = rows(schema, sql, args);
        return rows.isEmpty() ? null : type.cast(convert(rows.get(0).values().iterator().next(), type));
    }

    List<Map<String, Object>> rows(String schema, String sql, Object... args) {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(schema), stack.mysqlUser(), stack.mysqlPassword());
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                        row.put(rs.getMetaData().getColumnLabel(col), rs.getObject(col));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    int update(String schema, String sql, Object... args) {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(schema), stack.mysqlUser(), stack.mysqlPassword());
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Waits for something the story expects; false if it never came. */
    static boolean eventually(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            JavaProcess.sleep(50);
        }
        return condition.getAsBoolean();
    }

    /** True if the condition holds for the whole duration (nothing more happens). */
    static boolean stays(Duration duration, BooleanSupplier condition) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            if (!condition.getAsBoolean()) {
                return false;
            }
            JavaProcess.sleep(100);
        }
        return true;
    }

    private static Object convert(Object value, Class<?> type) {
        if (value instanceof Number n && type == Long.class) {
            return n.longValue();
        }
        return value;
    }

    private static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Reply(-1, "connection failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
