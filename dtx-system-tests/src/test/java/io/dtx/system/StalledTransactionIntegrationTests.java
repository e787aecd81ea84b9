package io.dtx.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hole under the feed's cursor, made for real: a payment's local transaction stays open
 * between INSERT and COMMIT far longer than the overlap window (2 s here), while later payments
 * commit and the cursor moves past its seq; its message is lost. Reconciliation can never see it
 * again; the deep sweep, comparing both ledgers window by window, credits it, once.
 */
class StalledTransactionIntegrationTests {

    private static DtxStack stack;

    @BeforeAll
    static void startStack() {
        stack = DtxStack.get();
    }

    @Test
    void aPaymentCommittedBehindTheCursorWithItsMessageLostIsCreditedOnceByTheSweep() throws Exception {
        String accountNo = stack.db.newAccount("stalled-");
        // Only this test's own payments: earlier tests' leftovers (an alarm, a poison) are not its business.
        Instant before = Instant.now().minusSeconds(1);
        String stalled = commitBehindTheCursor(accountNo);
        stack.accountHttp.post("/accounts/reconciliation/runs", "");
        assertThat(stack.db.credits(stalled))
                .as("behind the cursor: reconciliation cannot see it")
                .isZero();

        Http.Response sweep = sweep(before);

        assertThat(sweep.status()).isEqualTo(200);
        assertThat(sweep.json().get("credited").asInt()).isEqualTo(1);
        assertThat(stack.db.credits(stalled)).isEqualTo(1);
        assertThat(stack.db.appliedBy(stalled)).isEqualTo("SWEEP");
        assertThat(stack.db.balance(accountNo)).isEqualByComparingTo("5.00");
        Http.Response again = sweep(before);
        assertThat(again.json().get("credited").asInt()).isZero();
        assertThat(again.json().get("alarms").asInt()).isZero();
        assertThat(stack.db.credits(stalled)).isEqualTo(1);
    }

    /** A 4.00 payment whose transaction stays open until the cursor has passed its seq; no message. */
    private static String commitBehindTheCursor(String accountNo) throws Exception {
        String stalled = UUID.randomUUID().toString();
        try (Connection stalling = stack.db.connect("bank1_pay")) {
            stalling.setAutoCommit(false);
            Db.prepare(
                            stalling,
                            "INSERT INTO account_pay (id, account_no, pay_amount, result)"
                                    + " VALUES (?, ?, 4.00, 'success')",
                            stalled,
                            accountNo)
                    .executeUpdate();
            String later = stack.db.paymentWithoutMessage(accountNo, "1.00");
            long laterSeq = stack.db.scalar("bank1_pay", "SELECT seq FROM account_pay WHERE id = ?", Long.class, later);
            // Reconciliation runs on; once the later payment is older than the window, the cursor
            // moves past it, and past the stalled payment's seq below it.
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> stack.accountHttp
                                    .post("/accounts/reconciliation/runs", "")
                                    .json()
                                    .get("cursor")
                                    .asLong()
                            >= laterSeq);
            stalling.commit();
        }
        return stalled;
    }

    private static Http.Response sweep(Instant from) {
        return stack.accountHttp.post(
                "/accounts/reconciliation/sweeps?from=" + from + "&to="
                        + Instant.now().plusSeconds(1),
                "");
    }
}
