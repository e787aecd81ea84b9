package io.dtx.account.callback;

import io.dtx.account.credit.AppliedBy;
import io.dtx.account.messaging.PoisonMessages;
import io.dtx.account.messaging.RechargeMessageReader;
import io.dtx.account.messaging.RechargeMessageReader.PoisonException;
import io.dtx.account.suspense.Suspense;
import io.dtx.contract.RechargeCallback;
import io.dtx.contract.RechargeSucceeded;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /accounts/callbacks/recharges}: the notifier's callback. In this order: the call's
 * signature and freshness (else 401), first sight of this exact call (else 401: a replay), the pay
 * side's signature on the payment (else 400, kept in poison_message), then the exactly-once credit.
 * The reply {@code success} (what the notifier waits for) goes out only after the credit committed;
 * a payment credited before by any path is acknowledged the same way, and changes nothing.
 */
@RestController
@ConditionalOnProperty(name = "dtx.account.callbacks.enabled", havingValue = "true")
class RechargeCallbackController {

    private static final Logger log = LoggerFactory.getLogger(RechargeCallbackController.class);
    private static final String WEBHOOK_ID = "[A-Za-z0-9_.:-]{1,128}";

    private final CallbackVerifier verifier;
    private final CallbackReplays replays;
    private final RechargeMessageReader reader;
    private final PoisonMessages poison;
    private final Suspense suspense;
    private final MeterRegistry metrics;
    private final JsonMapper json;

    RechargeCallbackController(
            CallbackVerifier verifier,
            CallbackReplays replays,
            RechargeMessageReader reader,
            PoisonMessages poison,
            Suspense suspense,
            MeterRegistry metrics,
            JsonMapper json) {
        this.verifier = verifier;
        this.replays = replays;
        this.reader = reader;
        this.poison = poison;
        this.suspense = suspense;
        this.metrics = metrics;
        this.json = json.rebuild()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    @PostMapping(
            path = "/accounts/callbacks/recharges",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.TEXT_PLAIN_VALUE)
    String receive(@RequestBody byte[] body, @RequestHeader HttpHeaders headers) {
        // The signature is checked on this text, and this same text is what is read afterwards.
        String text = new String(body, StandardCharsets.UTF_8);
        String webhookId = headers.getFirst("webhook-id");
        long timestamp = checkSignedAndFirstSeen(text, headers, webhookId);
        RechargeCallback callback = parse(text, webhookId);
        MDC.put("txNo", callback.txNo());
        try {
            RechargeSucceeded payment = reader.read(
                    callback.message().getBytes(StandardCharsets.UTF_8), callback.keyId(), callback.signature());
            suspense.creditOrHold(payment, AppliedBy.CALLBACK);
            metrics.counter("dtx.account.callbacks.taken").increment();
            return "success";
        } catch (PoisonException e) {
            poison.record(callback.txNo(), "callback:" + webhookId, e.getMessage(), callback.message());
            throw new PoisonCallbackException(e.getMessage());
        } catch (RuntimeException e) {
            // Not credited (the database failed): the notifier's next attempt must not look like a replay.
            replays.forget(webhookId, timestamp);
            throw e;
        } finally {
            MDC.remove("txNo");
        }
    }

    /** @return the call's timestamp, once it is known to be signed, fresh and seen for the first time */
    private long checkSignedAndFirstSeen(String text, HttpHeaders headers, String webhookId) {
        try {
            verifier.verify(text, lowerCase(headers));
            if (webhookId == null || !webhookId.matches(WEBHOOK_ID)) {
                throw new CallbackRefusedException("bad webhook-id");
            }
            long timestamp = Long.parseLong(headers.getFirst("webhook-timestamp"));
            if (!replays.firstSight(webhookId, timestamp)) {
                throw new CallbackRefusedException("replayed");
            }
            return timestamp;
        } catch (CallbackRefusedException e) {
            metrics.counter("dtx.account.callbacks.refused", "reason", e.reason())
                    .increment();
            log.warn("Callback refused ({}), nothing credited", e.reason());
            throw e;
        }
    }

    private RechargeCallback parse(String body, String webhookId) {
        try {
            RechargeCallback callback = json.readValue(body, RechargeCallback.class);
            if (!RechargeCallback.TYPE.equals(callback.type()) || callback.message() == null) {
                throw new PoisonCallbackException("not a " + RechargeCallback.TYPE + " callback");
            }
            return callback;
        } catch (JacksonException e) {
            poison.record(null, "callback:" + webhookId, "unreadable callback", body);
            throw new PoisonCallbackException("unreadable body");
        }
    }

    /** The library looks headers up by their lower-case names. */
    private static Map<String, List<String>> lowerCase(HttpHeaders headers) {
        Map<String, List<String>> lower = new TreeMap<>();
        headers.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), values));
        return lower;
    }
}
