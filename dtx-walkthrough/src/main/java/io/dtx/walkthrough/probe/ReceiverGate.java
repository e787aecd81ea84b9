package io.dtx.walkthrough.probe;

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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The account service's front door as the notifier sees it, run by the walkthrough: it passes
 * each callback on, unless it is shut (answering 503 as a receiver that is down), for everyone or
 * for the next few calls about one account. It also writes down every call as it arrived, so the
 * story and the tests can show the schedule from the receiver's side, not the notifier's.
 */
public final class ReceiverGate implements AutoCloseable {

    /** One call as it arrived, and what the gate answered (0: the notifier hung up first). */
    public record Call(String txNo, String accountNo, Instant at, int answered) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String target;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> refusalsLeft = new ConcurrentHashMap<>();
    private volatile boolean shut;
    private volatile Duration holdEachCall = Duration.ZERO;

    /** @param target the account service's callback endpoint */
    public ReceiverGate(String target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // Daemon threads: a gate left open never keeps the walkthrough's JVM alive.
        server.setExecutor(Executors.newFixedThreadPool(16, r -> {
            Thread thread = new Thread(r, "receiver-gate");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/accounts/callbacks/recharges";
    }

    /** Down for everyone ({@code true}) or up. */
    public void shut(boolean down) {
        this.shut = down;
    }

    /** Down for the next {@code n} calls about this account, then up. */
    public void refuseFirst(String accountNo, int n) {
        refusalsLeft.put(accountNo, new AtomicInteger(n));
    }

    /** Each call is held this long before it is answered (a slow receiver; a kill then lands mid-call). */
    public void holdEachCall(Duration hold) {
        this.holdEachCall = hold;
    }

    public List<Call> calls(String txNo) {
        return calls.stream().filter(c -> txNo.equals(c.txNo())).toList();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Instant at = Instant.now();
        byte[] body = exchange.getRequestBody().readAllBytes();
        JsonNode payload = parse(body);
        String txNo = payload == null ? null : payload.path("txNo").asString(null);
        JsonNode message = payload == null
                ? null
                : parse(payload.path("message").asString("").getBytes());
        String accountNo = message == null ? "" : message.path("accountNo").asString("");
        sleep(holdEachCall);
        AtomicInteger left = refusalsLeft.get(accountNo);
        int status;
        String reply;
        if (shut || (left != null && left.getAndDecrement() > 0)) {
            status = 503;
            reply = "down";
        } else {
            HttpResponse<String> answer = forward(exchange, body);
            status = answer == null ? 502 : answer.statusCode();
            reply = answer == null ? "account service unreachable" : answer.body();
        }
        boolean delivered = answer(exchange, status, reply);
        calls.add(new Call(txNo, accountNo, at, delivered ? status : 0));
    }

    private HttpResponse<String> forward(HttpExchange exchange, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : List.of("Content-Type", "webhook-id", "webhook-timestamp", "webhook-signature")) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** @return false if the caller was gone before the answer could be written */
    private static boolean answer(HttpExchange exchange, int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain");
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(status, bytes.length);
            out.write(bytes);
            return true;
        } catch (IOException callerGone) {
            return false;
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void sleep(Duration duration) {
        if (!duration.isZero()) {
            Waits.sleep(duration.toMillis());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
