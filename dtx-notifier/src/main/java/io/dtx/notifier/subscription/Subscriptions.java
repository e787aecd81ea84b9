package io.dtx.notifier.subscription;

import io.dtx.notifier.schedule.Schedule;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The receivers: checked when the notifier starts (an address, a schedule that parses, a secret to
 * sign with, or no start), written to the table, and read from it by the dispatcher, so that a 410
 * seen by one notifier instance turns the subscription off for all of them.
 */
@Service
public class Subscriptions {

    private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);

    private final SubscriptionTable table;
    private final Map<String, CallbackSigner> signers = new LinkedHashMap<>();

    Subscriptions(SubscriptionTable table, SubscriptionSettings settings) {
        this.table = table;
        settings.subscriptions().forEach((id, receiver) -> {
            check(id, receiver);
            signers.put(id, CallbackSigner.of(id, receiver.secrets()));
        });
        settings.subscriptions()
                .forEach((id, receiver) -> table.upsert(id, receiver.url(), receiver.schedule(), receiver.ackBody()));
        table.disableAllBut(signers.keySet());
        log.info("Subscriptions: {}", settings.subscriptions().keySet());
    }

    /** Every subscription, enabled or not. */
    public List<Subscription> all() {
        return table.all();
    }

    public Optional<Subscription> find(String id) {
        return all().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The enabled subscriptions this instance holds a secret for: the only ones it may call. */
    public List<Subscription> callable() {
        return all().stream()
                .filter(s -> s.enabled() && signers.containsKey(s.id()))
                .toList();
    }

    /** The ids new payment results are opened for: every configured one, enabled or not (a disabled one waits). */
    public List<String> configuredIds() {
        return List.copyOf(signers.keySet());
    }

    public CallbackSigner signer(String id) {
        CallbackSigner signer = signers.get(id);
        if (signer == null) {
            throw new UnknownSubscriptionException(id);
        }
        return signer;
    }

    /** After a 410 Gone, or by a person; pending notifications wait until it is enabled again. */
    public void disable(String id, String reason) {
        if (!table.setEnabled(id, false, reason)) {
            throw new UnknownSubscriptionException(id);
        }
        log.warn("Subscription {} disabled: {}", id, reason);
    }

    public void enable(String id) {
        signer(id); // only a configured one: an unconfigured one has no secret
        if (!table.setEnabled(id, true, null)) {
            throw new UnknownSubscriptionException(id);
        }
        log.info("Subscription {} enabled", id);
    }

    /** The host, or null when the address cannot be read (the exception would quote it whole). */
    private static String hostOf(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void check(String id, SubscriptionSettings.Receiver receiver) {
        if (!id.matches("[a-z0-9-]{1,64}")) {
            throw new IllegalStateException("A subscription id is 1-64 of a-z, 0-9 and -, not '" + id + "'");
        }
        String url = receiver.url() == null ? "" : receiver.url().strip();
        if (!(url.startsWith("http://") || url.startsWith("https://")) || hostOf(url) == null) {
            throw new IllegalStateException(
                    "Subscription '" + id + "' needs an http(s) url, not '" + Subscription.shown(url) + "'");
        }
        try {
            Schedule.parse(receiver.schedule());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Subscription '" + id + "': " + e.getMessage(), e);
        }
    }
}
