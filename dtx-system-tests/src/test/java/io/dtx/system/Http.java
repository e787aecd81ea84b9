package io.dtx.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny JSON-over-HTTP client for the tests: real requests to the real services. */
final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, String contentType, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private final String baseUrl;
    /** Sent as {@code Authorization: Bearer ...} on every request, as the internal callers do; null sends none. */
    private final String serviceToken;

    Http(String baseUrl) {
        this(baseUrl, null);
    }

    Http(String baseUrl, String serviceToken) {
        this.baseUrl = baseUrl;
        this.serviceToken = serviceToken;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** The same service, called by an outsider who has no service token. */
    Http withoutToken() {
        return new Http(baseUrl, null);
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** Any method without a body: HEAD, OPTIONS, DELETE, ... */
    Response call(String method, String path) {
        return send(
                HttpRequest.newBuilder(URI.create(baseUrl + path)).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    Response post(String path, String body) {
        return post(path, body, Map.of("Content-Type", "application/json"));
    }

    Response post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    static String rechargeJson(String accountNo, String amount) {
        return "{\"accountNo\":\"" + accountNo + "\",\"amount\":\"" + amount + "\"}";
    }

    private Response send(HttpRequest.Builder request) {
        if (serviceToken != null) {
            request.header("Authorization", "Bearer " + serviceToken);
        }
        try {
            HttpResponse<String> response =
                    CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
