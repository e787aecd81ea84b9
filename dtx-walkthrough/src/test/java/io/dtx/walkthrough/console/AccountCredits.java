package io.dtx.walkthrough.console;

import io.dtx.walkthrough.stack.Workspace;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The money, checked from the account service's own API, not from the page under test; and plain calls. */
final class AccountCredits {

    private AccountCredits() {}

    /** How often the account service's own API lists the payment among the account's credits. */
    static long of(Workspace workspace, String txNo) {
        return Pattern.compile(Pattern.quote("\"txNo\":\"" + txNo + "\""))
                .matcher(account(workspace))
                .results()
                .count();
    }

    /** The hot account's balance as the account service's own API tells it. */
    static BigDecimal balance(Workspace workspace) {
        Matcher balance = Pattern.compile("\"balance\":\"?([0-9.]+)").matcher(account(workspace));
        if (!balance.find()) {
            throw new IllegalStateException("no balance in the account service's answer");
        }
        return new BigDecimal(balance.group(1));
    }

    private static String account(Workspace workspace) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(workspace.accountUrl() + "/accounts/1"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The status a plain call (no browser, no service token) gets. */
    static int status(String url, String method, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.ofString(method.equals("POST") ? "{}" : ""));
        headers.forEach(request::header);
        return HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
