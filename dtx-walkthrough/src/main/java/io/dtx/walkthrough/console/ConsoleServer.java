package io.dtx.walkthrough.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's HTTP side, on the loopback interface only: the page and its script from the
 * classpath, {@code GET /api/state} for what the page shows, and {@code POST /api/...} for its
 * buttons. Every {@code /api} call carries the run's token (in the URL {@code ./dtx up} printed,
 * sent by the page as a header): another user of the machine, who can reach the loopback port but
 * not read that output, is refused; another site open in the same browser cannot send the header
 * without a preflight, which this server never grants.
 */
final class ConsoleServer {

    static final String TOKEN_HEADER = "Dtx-Console-Token";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> FILES = Map.of(
            "/", "index.html",
            "/console.js", "console.js",
            "/console.css", "console.css");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8");

    private final HttpServer server;
    private final ExecutorService threads;
    private final ConsoleApi api;
    private final byte[] token;

    ConsoleServer(int port, ConsoleApi api, String token) throws IOException {
        this.api = api;
        this.token = token.getBytes(StandardCharsets.US_ASCII);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        threads = Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "console-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try {
            route(exchange);
        } catch (RuntimeException | IOException e) {
            try {
                problem(exchange, 500, "The console failed", e.getMessage());
            } catch (IOException | RuntimeException ignored) {
                // the answer had begun, or the page went away: nothing more to tell it
            }
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (method.equals("GET") && FILES.containsKey(path)) {
            file(exchange, FILES.get(path));
        } else if (method.equals("GET") && path.equals("/words.json")) {
            json(exchange, 200, api.words()); // the page's sentences: nothing secret, needed before the token is
        } else if (path.startsWith("/api/")) {
            api(exchange, method, path);
        } else {
            problem(exchange, 404, "Not found", "The console has no " + method + " " + path + ".");
        }
    }

    private void api(HttpExchange exchange, String method, String path) throws IOException {
        String host = exchange.getRequestHeaders().getFirst("Host");
        boolean reading = path.equals("/api/state");
        if (!ownOrigins().contains("http://" + host)) {
            // a page of another site whose name was pointed at 127.0.0.1 (DNS rebinding) names itself here
            problem(exchange, 403, "Not this console's address", "Open the console at 127.0.0.1 or localhost.");
        } else if (!tokenHolds(exchange)) {
            exchange.getResponseHeaders().set("WWW-Authenticate", TOKEN_HEADER);
            problem(
                    exchange,
                    401,
                    "The console's token is missing or wrong",
                    "Open the console with the URL ./dtx up printed (it carries this run's token).");
        } else if (!method.equals(reading ? "GET" : "POST")) {
            exchange.getResponseHeaders().set("Allow", reading ? "GET" : "POST");
            problem(exchange, 405, "Method not allowed", path + " takes " + (reading ? "GET" : "POST") + ".");
        } else if (reading) {
            json(exchange, 200, api.state());
        } else {
            post(exchange, path.substring("/api/".length()));
        }
    }

    private Set<String> ownOrigins() {
        return Set.of("http://127.0.0.1:" + port(), "http://localhost:" + port());
    }

    private boolean tokenHolds(HttpExchange exchange) {
        String sent = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
        return sent != null && MessageDigest.isEqual(token, sent.getBytes(StandardCharsets.US_ASCII));
    }

    private void post(HttpExchange exchange, String action) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        boolean ours = origin == null || ownOrigins().contains(origin);
        if (!ours) {
            problem(exchange, 403, "Only the console's own page", "Buttons are pressed on the console's page.");
            return;
        }
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(4096);
            body = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
        } catch (RuntimeException e) {
            problem(exchange, 400, "Invalid request", "The body is not JSON.");
            return;
        }
        ConsoleApi.Answer answer = api.press(action, body);
        json(exchange, answer.status(), answer.body());
    }

    private static void file(HttpExchange exchange, String name) throws IOException {
        try (InputStream in = ConsoleServer.class.getResourceAsStream("/console/" + name)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("missing resource console/" + name));
            }
            byte[] bytes = in.readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    /** An answer of 400 or more is a problem (RFC 9457) already: {@link ConsoleApi} makes it one. */
    private static void json(HttpExchange exchange, int status, Object value) throws IOException {
        send(
                exchange,
                status,
                status >= 400 ? "application/problem+json" : "application/json",
                JSON.writeValueAsBytes(value));
    }

    private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        send(
                exchange,
                status,
                "application/problem+json",
                JSON.writeValueAsBytes(ConsoleApi.problem(status, title, detail)));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
