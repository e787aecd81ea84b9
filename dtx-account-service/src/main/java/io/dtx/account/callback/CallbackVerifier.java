package io.dtx.account.callback;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks the notifier's Standard Webhooks signature: {@code webhook-signature} must hold a
 * {@code v1} HMAC-SHA256 of {@code id.timestamp.body} by one of the configured secrets, and the
 * timestamp must be within five minutes of now (the library's tolerance). Several secrets are
 * accepted during a rotation.
 */
final class CallbackVerifier {

    private final List<Webhook> keys;

    private CallbackVerifier(List<Webhook> keys) {
        this.keys = keys;
    }

    /** @throws IllegalStateException (never showing a secret) when none is configured or one is malformed */
    static CallbackVerifier of(String secrets) {
        List<String> specs = secrets == null
                ? List.of()
                : Arrays.stream(secrets.split("[\\s,]+"))
                        .filter(s -> !s.isBlank())
                        .toList();
        if (specs.isEmpty()) {
            throw new IllegalStateException("dtx.account.callbacks.enabled is true but no secret is set:"
                    + " DTX_CALLBACK_SECRETS (dtx.account.callbacks.secrets) lists the notifier's whsec_ secrets");
        }
        List<Webhook> keys = new ArrayList<>();
        for (String spec : specs) {
            try {
                if (!spec.startsWith("whsec_")) {
                    throw new IllegalArgumentException();
                }
                keys.add(new Webhook(spec));
            } catch (Exception e) {
                throw new IllegalStateException("A callback secret must be whsec_ followed by base64");
            }
        }
        return new CallbackVerifier(List.copyOf(keys));
    }

    /**
     * @param headers the request's headers, names in lower case
     * @throws CallbackRefusedException with the reason: {@code unsigned}, {@code stale} or {@code bad signature}
     */
    void verify(String body, Map<String, List<String>> headers) {
        String failure = null;
        for (Webhook key : keys) {
            try {
                key.verify(body, headers);
                return;
            } catch (WebhookVerificationException e) {
                failure = e.getMessage();
            }
        }
        throw new CallbackRefusedException(reason(failure));
    }

    private static String reason(String libraryMessage) {
        String message = libraryMessage == null ? "" : libraryMessage.toLowerCase(Locale.ROOT);
        if (message.contains("missing")) {
            return "unsigned";
        }
        if (message.contains("too old") || message.contains("too new")) {
            return "stale";
        }
        return "bad signature";
    }
}
