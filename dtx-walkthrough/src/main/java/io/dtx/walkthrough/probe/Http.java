package io.dtx.walkthrough.probe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * HTTP calls to the two services as their operator: every call carries the run's service token,
 * so the internal endpoints answer too. A failed connection is a {@link Reply} with status -1,
 * not an exception: a dead service is something the caller wants to show, not to crash on.
 */
public final class Http {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final String serviceToken;

    public Http(String serviceToken) {
        this.serviceToken = serviceToken;
    }

    /** POST of a JSON body; {@code idempotencyKey} may be null. */
    public Reply post(String url, String body, String idempotencyKey) {
        return postWithHeaders(
                url, body, idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey));
    }

    /** POST of a JSON body with these headers besides the service token. */
    public Reply postWithHeaders(String url, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + serviceToken)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    public Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + serviceToken)
                .GET()
                .build());
    }

    /** A counter from a service's Prometheus page, e.g. {@code dtx_pay_checkback_total{answer="commit"}}. */
    public double metric(String baseUrl, String series) {
        Reply page = send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                .GET()
                .build());
        int open = series.indexOf('{');
        String name = open < 0 ? series : series.substring(0, open);
        double total = 0;
        for (String line : page.body().split("\n")) {
            if (line.startsWith(name) && matchesLabels(line, series)) {
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
