package io.dtx.system;

import static io.dtx.system.Http.rechargeJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A payment for an account that does not exist (yet) is never silently stuck: it is held in
 * suspense, credited once the account appears, and a person can list it, re-drive it or return it
 * to the payer, after which no path can credit it any more.
 */
class SuspenseIntegrationTests {

    private static DtxStack stack;

    @BeforeAll
    static void startStack() {
        stack = DtxStack.get();
    }

    @Test
    void aPaymentForAnAccountOpenedASecondLaterIsCreditedOnceItExists() {
        String accountNo = "later-" + UUID.randomUUID().toString().substring(0, 8);
        String txNo = paid(accountNo, "6.00");
        await().atMost(Duration.ofSeconds(20)).until(() -> status(txNo) != null);
        assertThat(status(txNo)).isEqualTo("held");
        assertThat(stack.accountHttp.get("/accounts/suspense").body()).contains(txNo);

        stack.db.update(
                "bank1",
                "INSERT INTO account_info (account_name, account_no, account_balance) VALUES ('late', ?, 0.00)",
                accountNo);

        await().atMost(Duration.ofSeconds(20)).until(() -> "credited".equals(status(txNo)));
        assertThat(stack.db.credits(txNo)).isEqualTo(1);
        assertThat(stack.db.appliedBy(txNo)).isEqualTo("SUSPENSE");
        assertThat(stack.db.balance(accountNo)).isEqualByComparingTo("6.00");
    }

    @Test
    void aReturnedPaymentIsOwedBackByThePaySideAndCanNeverBeCreditedAfterwards() throws Exception {
        String accountNo = "never-" + UUID.randomUUID().toString().substring(0, 8);
        String txNo = paid(accountNo, "9.00");
        await().atMost(Duration.ofSeconds(20)).until(() -> status(txNo) != null);

        Http.Response returned = stack.accountHttp.post("/accounts/suspense/" + txNo + "/return", "");

        assertThat(returned.status()).isEqualTo(200);
        assertThat(returned.json().get("status").asString()).isEqualTo("returned");
        assertThat(stack.db.scalar(
                        "bank1_pay", "SELECT COUNT(*) FROM payment_refund WHERE tx_no = ?", Long.class, txNo))
                .isEqualTo(1);
        // The account opens after all, and the payment's message comes again: still not credited.
        stack.db.update(
                "bank1",
                "INSERT INTO account_info (account_name, account_no, account_balance) VALUES ('late', ?, 0.00)",
                accountNo);
        String body = "{\"txNo\":\"" + txNo + "\",\"accountNo\":\"" + accountNo + "\",\"amount\":9.00,\"paidAt\":\""
                + Instant.now() + "\"}";
        Messages.send(stack.infra.namesrvAddr(), List.of(Messages.signed(txNo, body)));
        assertThat(stack.accountHttp
                        .post("/accounts/recharges/" + txNo + "/pull", "")
                        .json()
                        .get("outcome")
                        .asString())
                .isEqualTo("ALREADY_APPLIED");
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> stack.db.balance(accountNo).signum() == 0);
        assertThat(stack.db.appliedBy(txNo)).isEqualTo("RETURNED");
        assertThat(stack.accountHttp
                        .post("/accounts/suspense/" + txNo + "/return", "")
                        .json()
                        .get("status")
                        .asString())
                .as("asking twice changes nothing")
                .isEqualTo("returned");
    }

    /** A refund owed for a payment the account side credited would pay the money out twice: alarm. */
    @Test
    void aRefundMarkerForACreditedPaymentRaisesTheAlarmInTheSweep() {
        Instant from = Instant.now().minusSeconds(1);
        String accountNo = stack.db.newAccount("refund-");
        String txNo = paid(accountNo, "4.00");
        await().atMost(Duration.ofSeconds(20)).until(() -> stack.db.credits(txNo) == 1);
        stack.db.update("bank1_pay", "INSERT INTO payment_refund (tx_no, reason) VALUES (?, 'bogus')", txNo);

        Http.Response sweep = stack.accountHttp.post(
                "/accounts/reconciliation/sweeps?from=" + from + "&to="
                        + Instant.now().plusSeconds(1),
                "");

        assertThat(sweep.json().get("alarms").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(stack.db.scalar(
                        "bank1",
                        "SELECT COUNT(*) FROM poison_message WHERE msg_id = ?",
                        Long.class,
                        "refund-alarm:" + txNo))
                .isEqualTo(1);
    }

    @Test
    void aPaymentNeverHeldCannotBeReturnedAndTheListWantsTheToken() {
        assertThat(stack.accountHttp
                        .post("/accounts/suspense/" + UUID.randomUUID() + "/return", "")
                        .status())
                .isEqualTo(404);
        assertThat(stack.accountHttp.withoutToken().get("/accounts/suspense").status())
                .isEqualTo(401);
    }

    private static String paid(String accountNo, String amount) {
        Http.Response response = stack.payHttp.post("/pay/recharges", rechargeJson(accountNo, amount));
        assertThat(response.status()).isEqualTo(201);
        return response.json().get("txNo").asString();
    }

    private static String status(String txNo) {
        return stack.db.scalar("bank1", "SELECT status FROM suspense WHERE tx_no = ?", String.class, txNo);
    }
}
