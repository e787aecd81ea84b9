package io.dtx.walkthrough.chaos;

import io.dtx.walkthrough.probe.Databases;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bad-input campaign: every request of {@link HostileRequests} sent to the services. Each must
 * be refused with a 4xx and an RFC 9457 problem body (never a 5xx, never a stack trace, never a
 * 2xx), and neither database may change.
 */
final class InputCampaign {

    private static final int MAX_EXAMPLES = 25;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Databases db;
    private final Map<String, Integer> replies = new LinkedHashMap<>();
    private final List<String> examples = new ArrayList<>();
    private int sent;
    private int notSendable;
    private int accepted;
    private int serverErrors;
    private int withoutProblemBody;

    InputCampaign(Databases db) {
        this.db = db;
    }

    /** Sends every request and checks each reply, then that neither database changed. */
    InputReport run(List<HostileRequest> requests) {
        String before = checksum(db);
        for (HostileRequest request : requests) {
            try {
                judge(request, http.send(build(request), HttpResponse.BodyHandlers.ofString()));
            } catch (IllegalArgumentException unsendable) {
                notSendable++; // e.g. a header value Java's HTTP client itself refuses to send
            } catch (IOException e) {
                // An oversized body may be cut off by the server's early 413: a refusal, counted as such.
                replies.merge("connection closed", 1, Integer::sum);
                sent++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        boolean unchanged = before.equals(checksum(db));
        return new InputReport(
                sent, notSendable, replies, accepted, serverErrors, withoutProblemBody, unchanged, examples);
    }

    private void judge(HostileRequest request, HttpResponse<String> response) {
        sent++;
        int status = response.statusCode();
        replies.merge(Integer.toString(status), 1, Integer::sum);
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String body = HostileRequest.abbreviate(response.body());
        if (status < 400) {
            accepted++;
            note("accepted " + status + ": " + request.describe());
        } else if (status >= 500) {
            serverErrors++;
            note(status + ": " + request.describe() + " -> " + body);
        } else if (!contentType.startsWith("application/problem+json")
                || !response.body().contains("\"status\":" + status)) {
            withoutProblemBody++;
            note(status + " without a problem body (" + contentType + "): " + request.describe() + " -> " + body);
        }
    }

    private static HttpRequest build(HostileRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.baseUrl() + request.path()))
                .timeout(Duration.ofSeconds(10));
        request.headers().forEach(builder::header);
        byte[] bytes = request.body();
        HttpRequest.BodyPublisher body = bytes == null
                ? HttpRequest.BodyPublishers.noBody()
                : request.chunked()
                        ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                        : HttpRequest.BodyPublishers.ofByteArray(bytes);
        return builder.method(request.method(), body).build();
    }

    /**
     * Every table a request could change. The reconciliation cursor is left out on purpose: the
     * job moves it forward on its own as payments age past the overlap window.
     */
    static String checksum(Databases db) {
        StringBuilder all = new StringBuilder();
        for (Map<String, Object> row : db.rows(
                "bank1",
                "CHECKSUM TABLE bank1.account_info, bank1.de_duplication,"
                        + " bank1.poison_message, bank1_pay.account_pay EXTENDED")) {
            all.append(row.get("Table")).append('=').append(row.get("Checksum")).append(';');
        }
        return all.toString();
    }

    private void note(String example) {
        if (examples.size() < MAX_EXAMPLES) {
            examples.add(example);
        }
    }
}
