package io.dtx.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The receivers the notifier calls in the tests, on one real HTTP server: {@code /gate} passes each
 * call on to the account service's callback endpoint unless the test shut the gate for that account
 * (then 503, as a receiver that is down), and the other paths answer the way bad receivers do. Every
 * call is recorded with its arrival time, from this side of the wire.
 */
final class CallbackReceiver implements AutoCloseable {

    /** One call as it arrived. */
    record Call(String path, String accountNo, String txNo, Instant at, int answered) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final HttpClient forward = HttpClient.newHttpClient();
    private volatile String accountCallbackUrl;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> refusalsLeft = new ConcurrentHashMap<>();
    private final Set<String> shut = ConcurrentHashMap.newKeySet();

    CallbackReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/gate", this::gate);
        server.createContext("/status-500", e -> answer(e, 500, "boom", Map.of()));
        server.createContext("/wrong-body", e -> answer(e, 200, "ok", Map.of()));
        server.createContext("/gone", e -> answer(e, 410, "gone", Map.of()));
        server.createContext("/retry-after", e -> answer(e, 503, "busy", Map.of("Retry-After", "2")));
        server.createContext("/slow", e -> {
            sleep(Duration.ofSeconds(1));
            answer(e, 200, "success", Map.of());
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void forwardTo(String accountCallbackUrl) {
        this.accountCallbackUrl = accountCallbackUrl;
    }

    /** The receiver of this account is down for its next {@code n} calls, then back. */
    void refuseFirst(String accountNo, int n) {
        refusalsLeft.put(accountNo, new AtomicInteger(n));
    }

    /** Down for this account until {@link #open}. */
    void shut(String accountNo) {
        shut.add(accountNo);
    }

    void open(String accountNo) {
        shut.remove(accountNo);
    }

    List<Call> calls(String path, String txNo) {
        return calls.stream()
                .filter(c -> c.path().equals(path) && txNo.equals(c.txNo()))
                .toList();
    }

    private void gate(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String accountNo = accountOf(body);
        AtomicInteger left = refusalsLeft.get(accountNo);
        if (shut.contains(accountNo) || (left != null && left.getAndDecrement() > 0)) {
            record(exchange, body, 503);
            answer(exchange, 503, "down", Map.of());
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(accountCallbackUrl))
                .timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : List.of("Content-Type", "webhook-id", "webhook-timestamp", "webhook-signature")) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        try {
            HttpResponse<String> reply = forward.send(request.build(), HttpResponse.BodyHandlers.ofString());
            record(exchange, body, reply.statusCode());
            answer(exchange, reply.statusCode(), reply.body(), Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer(exchange, 502, "interrupted", Map.of());
        }
    }

    private void answer(HttpExchange exchange, int status, String body, Map<String, String> headers)
            throws IOException {
        if (!exchange.getRequestURI().getPath().startsWith("/gate")) {
            record(exchange, exchange.getRequestBody().readAllBytes(), status);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("Content-Type", "text/plain");
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(status, bytes.length);
            out.write(bytes);
        } catch (IOException clientGone) {
            // the notifier timed out and hung up: that is the point of /slow
        }
    }

    private void record(HttpExchange exchange, byte[] body, int status) {
        JsonNode payload = parse(body);
        String txNo = payload == null ? null : payload.path("txNo").asString(null);
        calls.add(new Call(exchange.getRequestURI().getPath(), accountOf(body), txNo, Instant.now(), status));
    }

    private static String accountOf(byte[] body) {
        JsonNode payload = parse(body);
        JsonNode message = payload == null
                ? null
                : parse(payload.path("message").asString("").getBytes());
        return message == null ? "" : message.path("accountNo").asString("");
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
