package io.dtx.notifier.subscription;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Signs a call the Standard Webhooks way: {@code v1,<base64 HMAC-SHA256 of id.timestamp.body>},
 * one signature per configured secret, space-separated (a receiver that rotates its secret accepts
 * either). Each attempt is signed anew with its own timestamp: a receiver refuses a call older than
 * five minutes, and a repeated (id, timestamp) pair as a replay.
 */
public final class CallbackSigner {

    private final List<Webhook> keys;

    private CallbackSigner(List<Webhook> keys) {
        this.keys = keys;
    }

    /**
     * @throws IllegalStateException naming the subscription (never the secret) when one is missing
     *         or is not {@code whsec_} and base64
     */
    static CallbackSigner of(String subscriptionId, String secrets) {
        List<String> specs = secrets == null
                ? List.of()
                : Arrays.stream(secrets.split("[\\s,]+"))
                        .filter(s -> !s.isBlank())
                        .toList();
        if (specs.isEmpty()) {
            throw new IllegalStateException("Subscription '" + subscriptionId + "' has no signing secret"
                    + " (dtx.notifier.subscriptions." + subscriptionId + ".secrets, DTX_CALLBACK_SECRETS)");
        }
        List<Webhook> keys = new ArrayList<>();
        for (String spec : specs) {
            if (!spec.startsWith("whsec_")) {
                throw new IllegalStateException(
                        "A secret of subscription '" + subscriptionId + "' must start with whsec_");
            }
            try {
                keys.add(new Webhook(spec));
            } catch (Exception e) { // not base64, or empty: the library says which, the message hides the value
                throw new IllegalStateException(
                        "A secret of subscription '" + subscriptionId + "' is not whsec_ and base64");
            }
        }
        return new CallbackSigner(List.copyOf(keys));
    }

    /** The {@code webhook-signature} header's value for this call. */
    public String sign(String webhookId, long timestampSeconds, String body) {
        List<String> signatures = new ArrayList<>();
        for (Webhook key : keys) {
            try {
                signatures.add(key.sign(webhookId, timestampSeconds, body));
            } catch (WebhookSigningException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        }
        return String.join(" ", signatures);
    }

    @Override
    public String toString() {
        return "CallbackSigner[" + keys.size() + " key(s), hidden]";
    }
}
