package io.dtx.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import io.dtx.contract.MessageSigning;
import io.dtx.contract.RechargeCallback;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The account service's dedup retention (30 days in this stack; off by default) on the real
 * database: rows paid longer ago are removed by the service's own cleanup, and from then on a
 * payment that old is never credited, by any path, because no row can prove it new: it is kept in
 * suspense for a person. Here it comes as a signed callback with a payment signed by the pay side,
 * on the notifier's stack (its account service takes payments by callback only, in a JVM of its own).
 */
class NotifyDedupRetentionIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NotifyStack stack = NotifyStack.get();

    @Test
    void rowsPaidBeforeTheRetentionAreRemovedAndTheRestStay() {
        String tag = "dedup-retention-" + UUID.randomUUID();
        credit(tag + "-expired", 31);
        credit(tag + "-kept", 20);
        credit(tag + "-recent", 0);

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> stack.db.credits(tag + "-expired") == 0);

        assertThat(stack.db.credits(tag + "-kept")).isOne();
        assertThat(stack.db.credits(tag + "-recent")).isOne();
    }

    @Test
    void aPaymentOlderThanTheRetentionIsKeptForAPersonNotCredited() throws Exception {
        String accountNo = stack.db.newAccount("dedup-old-");
        String txNo = "old-" + UUID.randomUUID();
        Instant paidAt = Instant.now().minus(Duration.ofDays(40));
        // The service's cleanup has moved the horizon to 30 days ago (it runs every second here).
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> stack.db.scalar(
                        "bank1",
                        "SELECT removed_before > UTC_TIMESTAMP(3) - INTERVAL 31 DAY FROM dedup_horizon",
                        Boolean.class));

        // Straight to this stack's account service (other stacks' consumers share the topic and keep no retention).
        Http.Response response = signedCallback(txNo, accountNo, paidAt);

        assertThat(response.body())
                .as("taken, and kept: the notifier need not try again")
                .isEqualTo("success");
        assertThat(suspenseStatus(txNo)).isEqualTo("past_retention");
        assertThat(stack.db.credits(txNo)).isZero();
        assertThat(stack.db.balance(accountNo)).isEqualByComparingTo("0");
        assertThat(stack.accountHttp
                        .get("/accounts/suspense?status=past_retention")
                        .body())
                .contains(txNo);
    }

    /** A callback as the notifier sends it: a payment signed by the pay side, the call signed by the notifier. */
    private Http.Response signedCallback(String txNo, String accountNo, Instant paidAt) throws Exception {
        String message = "{\"txNo\":\"" + txNo + "\",\"accountNo\":\"" + accountNo + "\",\"amount\":7.00,\"paidAt\":\""
                + paidAt + "\"}";
        MessageSigning.Signature signature = DtxStack.MESSAGE_SIGNING.sign(message.getBytes(StandardCharsets.UTF_8));
        String body = JSON.writeValueAsString(
                new RechargeCallback(RechargeCallback.TYPE, txNo, message, signature.keyId(), signature.value()));
        String id = "msg_" + txNo;
        long now = Instant.now().getEpochSecond();
        String webhookSignature = new Webhook(NotifyStack.CALLBACK_SECRET).sign(id, now, body);
        return stack.accountHttp
                .withoutToken()
                .post(
                        "/accounts/callbacks/recharges",
                        body,
                        Map.of(
                                "Content-Type",
                                "application/json",
                                "webhook-id",
                                id,
                                "webhook-timestamp",
                                Long.toString(now),
                                "webhook-signature",
                                webhookSignature));
    }

    /** A credit row as the service writes it, paid {@code daysAgo}. */
    private void credit(String txNo, int daysAgo) {
        stack.db.update(
                "bank1",
                "INSERT INTO de_duplication (tx_no, account_no, amount, applied_by, paid_at)"
                        + " VALUES (?, 'retention', 1.00, 'MESSAGE', UTC_TIMESTAMP(3) - INTERVAL ? DAY)",
                txNo,
                daysAgo);
    }

    private String suspenseStatus(String txNo) {
        return stack.db.scalar("bank1", "SELECT MAX(status) FROM suspense WHERE tx_no = ?", String.class, txNo);
    }
}
