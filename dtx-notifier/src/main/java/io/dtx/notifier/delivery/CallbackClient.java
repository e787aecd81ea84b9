package io.dtx.notifier.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Makes one signed {@code POST} and reports what came back, never throwing for the receiver's
 * sake: a refused connection, a timeout and a 500 are all just a failed attempt. One deadline
 * covers the whole call, body included (the client's own timeout ends at the headers: a receiver
 * that then stalls would hold a thread for good). Only the first bytes of a reply are read.
 */
@Component
class CallbackClient {

    private static final int BODY_BYTES = 256;

    private final HttpClient http;
    private final Duration timeout;
    /** Closes a reply's body when the call's deadline passes: a read blocked on it then fails. */
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "notify-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    CallbackClient(DeliverySettings settings) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = settings.timeout();
    }

    /** The Standard Webhooks headers: {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}. */
    CallbackReply post(String url, String body, String webhookId, long timestamp, String signature) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "dtx-notifier")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        long started = System.nanoTime();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            long left = Math.max(1, timeout.toNanos() - (System.nanoTime() - started));
            String reply;
            try (InputStream in = response.body()) {
                ScheduledFuture<?> deadline = deadlines.schedule(() -> closeQuietly(in), left, TimeUnit.NANOSECONDS);
                try {
                    reply = new String(in.readNBytes(BODY_BYTES), StandardCharsets.UTF_8);
                } catch (IOException closedAtTheDeadline) {
                    return new CallbackReply(0, null, null, "timed out", millisSince(started));
                } finally {
                    deadline.cancel(false);
                }
            }
            return new CallbackReply(
                    response.statusCode(), reply, retryAfter(response.headers()), null, millisSince(started));
        } catch (HttpTimeoutException e) {
            return new CallbackReply(0, null, null, "timed out", millisSince(started));
        } catch (IOException e) {
            return new CallbackReply(
                    0, null, null, e.getClass().getSimpleName() + ": " + e.getMessage(), millisSince(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CallbackReply(0, null, null, "interrupted", millisSince(started));
        }
    }

    /** Seconds, or an HTTP date; anything else is ignored. */
    static Duration retryAfter(HttpHeaders headers) {
        String value = headers.firstValue("Retry-After").map(String::strip).orElse(null);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the read it unblocks reports the timeout
        }
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
