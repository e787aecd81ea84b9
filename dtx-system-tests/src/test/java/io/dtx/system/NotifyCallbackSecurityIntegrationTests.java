package io.dtx.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import io.dtx.account.AccountServiceApplication;
import io.dtx.contract.MessageSigning;
import io.dtx.contract.RechargeCallback;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The account service's callback endpoint refuses whatever does not prove it comes from the
 * notifier, now, for the first time, carrying a payment the pay side signed; and with both schemes
 * on, a payment still moves money once.
 */
class NotifyCallbackSecurityIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PATH = "/accounts/callbacks/recharges";

    private final NotifyStack stack = NotifyStack.get();

    @Test
    void unsignedForgedStaleAndReplayedCallsAreRefusedAndCreditNothing() throws Exception {
        String accountNo = stack.db.newAccount("notify-sec-");
        String txNo = UUID.randomUUID().toString();
        String body = callback(txNo, accountNo, "9.00", DtxStack.MESSAGE_SIGNING);
        Webhook notifier = new Webhook(NotifyStack.CALLBACK_SECRET);
        Webhook stranger = new Webhook("whsec_" + Base64.getEncoder().encodeToString(new byte[32]));
        long now = Instant.now().getEpochSecond();
        String id = "msg_" + txNo;

        assertRefused(stack.accountHttp.withoutToken().post(PATH, body), "unsigned");
        assertRefused(post(body, id, now, stranger.sign(id, now, body)), "forged");
        assertRefused(post(body, id, now, notifier.sign(id, now, body.replace("9.00", "90.00"))), "altered");
        long stale = now - 600;
        assertRefused(post(body, id, stale, notifier.sign(id, stale, body)), "stale");
        assertThat(stack.db.credits(txNo)).isZero();

        String signature = notifier.sign(id, now, body);
        Http.Response first = post(body, id, now, signature);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("success");
        assertRefused(post(body, id, now, signature), "replayed");
        // The notifier's own retry signs anew: acknowledged, and nothing moves twice.
        long later = now + 1;
        Http.Response retry = post(body, id, later, notifier.sign(id, later, body));
        assertThat(retry.body()).isEqualTo("success");
        assertThat(stack.db.credits(txNo)).isEqualTo(1);
        assertThat(stack.db.balance(accountNo)).isEqualByComparingTo("9.00");
    }

    @Test
    void aCallbackSignedByTheNotifierButCarryingAForgedPaymentIsKeptAndCreditsNothing() throws Exception {
        String accountNo = stack.db.newAccount("notify-forged-");
        String txNo = UUID.randomUUID().toString();
        MessageSigning notThePaySide = MessageSigning.forSigning(MessageSigning.newKeySpec("it-1"), "it-1");
        String body = callback(txNo, accountNo, "500.00", notThePaySide);
        long now = Instant.now().getEpochSecond();
        String id = "msg_" + txNo;

        Http.Response response = post(body, id, now, new Webhook(NotifyStack.CALLBACK_SECRET).sign(id, now, body));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(stack.db.credits(txNo)).isZero();
        assertThat(stack.db.update(
                        "bank1", "UPDATE poison_message SET reason = reason WHERE msg_id = ?", "callback:" + id))
                .as("kept for a person")
                .isEqualTo(1);
    }

    @Test
    void withBothSchemesOnEachPaymentIsCreditedOnce() {
        // A second account service on the same database, consuming the broker too: scheme 1 and 2 at once.
        String payUrl = "http://127.0.0.1:" + NotifyStack.port(stack.pay);
        try (ConfigurableApplicationContext both = new SpringApplicationBuilder(AccountServiceApplication.class)
                .run(DtxStack.serviceArgs(
                        stack.infra, "dtx-account-service", "bank1", NotifyStack.accountOverrides(payUrl, true)))) {
            String accountNo = stack.db.newAccount("notify-both-");
            // A consumer in a new group starts at the queue's end: wait until it takes messages at all.
            MeterRegistry metrics = both.getBean(MeterRegistry.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                stack.payHttp.post("/pay/recharges", Http.rechargeJson(accountNo, "1.00"));
                return consumed(metrics) > 0;
            });
            double consumedBefore = consumed(metrics);
            String[] txNos = payFive(accountNo);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (String txNo : txNos) {
                    if (stack.db.credits(txNo) != 1) {
                        return false;
                    }
                }
                return true;
            });
            // Both paths had their go at every payment: the callbacks were all acknowledged too.
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                for (String txNo : txNos) {
                    if (stack.receiver.calls("/gate", txNo).stream().noneMatch(c -> c.answered() == 200)) {
                        return false;
                    }
                }
                return true;
            });
            // And the consumer really had its go at each one too (credited it, or found it credited).
            await().atMost(Duration.ofSeconds(30)).until(() -> consumed(metrics) >= consumedBefore + txNos.length);
            // The balance is what the pay side's ledger says was paid to the account, each payment once.
            BigDecimal paid = stack.db.scalar(
                    "bank1_pay",
                    "SELECT SUM(pay_amount) FROM account_pay WHERE account_no = ? AND result = 'success'",
                    BigDecimal.class,
                    accountNo);
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> stack.db.balance(accountNo).compareTo(paid) == 0);
        }
    }

    private String[] payFive(String accountNo) {
        String[] txNos = new String[5];
        for (int i = 0; i < txNos.length; i++) {
            txNos[i] = stack.payHttp
                    .post("/pay/recharges", Http.rechargeJson(accountNo, "2.00"))
                    .json()
                    .path("txNo")
                    .asString();
        }
        return txNos;
    }

    private static double consumed(MeterRegistry metrics) {
        return metrics.find("dtx.account.credits").tag("path", "message").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private Http.Response post(String body, String id, long timestamp, String signature) {
        return stack.accountHttp
                .withoutToken()
                .post(
                        PATH,
                        body,
                        Map.of(
                                "Content-Type",
                                "application/json",
                                "webhook-id",
                                id,
                                "webhook-timestamp",
                                Long.toString(timestamp),
                                "webhook-signature",
                                signature));
    }

    private void assertRefused(Http.Response response, String what) {
        assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(401);
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
    }

    /** A callback body as the notifier makes it, around a message signed by {@code signing}. */
    private static String callback(String txNo, String accountNo, String amount, MessageSigning signing) {
        String message = "{\"txNo\":\"" + txNo + "\",\"accountNo\":\"" + accountNo + "\",\"amount\":" + amount
                + ",\"paidAt\":\"" + Instant.now() + "\"}";
        MessageSigning.Signature signature = signing.sign(message.getBytes(StandardCharsets.UTF_8));
        return JSON.writeValueAsString(
                new RechargeCallback(RechargeCallback.TYPE, txNo, message, signature.keyId(), signature.value()));
    }
}
