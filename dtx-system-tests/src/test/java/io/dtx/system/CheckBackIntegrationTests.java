package io.dtx.system;

import static io.dtx.system.Http.rechargeJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dtx.pay.payment.PaymentLedger;
import io.dtx.pay.payment.PaymentLedger.Fate;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Half messages whose producer could not give the final word are settled from the database. */
class CheckBackIntegrationTests {

    private static DtxStack stack;

    @BeforeAll
    static void startStack() {
        stack = DtxStack.get();
    }

    @Test
    void lostCommitIsSettledByTheBrokersCheckBackAndCreditedOnce() {
        String accountNo = stack.db.newAccount(DtxStack.LOST_COMMIT_ACCOUNT_PREFIX);
        double commitsBefore = checkBacks("commit");

        Http.Response created = stack.payHttp.post("/pay/recharges", rechargeJson(accountNo, "55.00"));

        // The payment row committed, so the client is told so, though the broker heard only UNKNOWN.
        assertThat(created.status()).isEqualTo(201);
        String txNo = created.json().get("txNo").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> stack.db.credits(txNo) == 1);
        assertThat(checkBacks("commit")).isGreaterThan(commitsBefore);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> stack.db.credits(txNo) == 1);
        assertThat(stack.db.balance(accountNo)).isEqualByComparingTo("55.00");
    }

    @Test
    void failedLocalTransactionIsRolledBackAndNeverCredited() throws Exception {
        String accountNo = stack.db.newAccount("rollback-");
        String key = "blocked-" + UUID.randomUUID();
        double rollbacksBefore = checkBacks("rollback");
        Http.Response refused;
        // Another transaction holds the Idempotency-Key's index entry: the payment's insert waits,
        // hits its 5 s transaction timeout and fails, a real local-transaction failure.
        try (Connection blocker = stack.db.connect("bank1_pay")) {
            blocker.setAutoCommit(false);
            Db.prepare(
                            blocker,
                            "INSERT INTO account_pay (id, account_no, pay_amount, result, idempotency_key)"
                                    + " VALUES (?, ?, 1.00, 'success', ?)",
                            "blocker-" + UUID.randomUUID(),
                            accountNo,
                            key)
                    .executeUpdate();
            refused = stack.payHttp.post(
                    "/pay/recharges",
                    rechargeJson(accountNo, "13.00"),
                    Map.of("Content-Type", "application/json", "Idempotency-Key", key));
            blocker.rollback();
        }

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        String txNo = refused.json().get("txNo").asString();
        // The check-back found no payment and wrote its tombstone: the half message is rolled back.
        await().atMost(Duration.ofSeconds(30)).until(() -> "ROLLED_BACK".equals(resultOf(txNo)));
        assertThat(checkBacks("rollback")).isGreaterThan(rollbacksBefore);
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> stack.db.credits(txNo) == 0);
        assertThat(stack.db.balance(accountNo)).isEqualByComparingTo("0.00");
    }

    /**
     * The race inside the check-back: it reads no row, its tombstone waits on the key lock of the
     * payment's own local transaction, which then commits. Under REPEATABLE READ the re-read after
     * the ignored tombstone would reuse the first read's snapshot and find nothing (no answer, so
     * UNKNOWN); the answer must be COMMIT.
     */
    @Test
    void checkBackIsDefiniteWhenThePaymentCommitsWhileItsTombstoneWaits() throws Exception {
        String txNo = UUID.randomUUID().toString();
        PaymentLedger ledger = stack.pay.getBean(PaymentLedger.class);
        ExecutorService checkBackThread = Executors.newSingleThreadExecutor();
        try (Connection payment = stack.db.connect("bank1_pay")) {
            payment.setAutoCommit(false);
            Db.prepare(
                            payment,
                            "INSERT INTO account_pay (id, account_no, pay_amount, result)"
                                    + " VALUES (?, ?, 7.00, 'success')",
                            txNo,
                            "race")
                    .executeUpdate();
            Future<Fate> answer = checkBackThread.submit(() -> ledger.settle(txNo, "race", new BigDecimal("7.00")));
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> stack.db.scalar(
                                    "bank1_pay",
                                    // This check-back's tombstone, waiting on the payment's key: no other.
                                    "SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'"
                                            + " AND trx_query LIKE '%INTO account_pay%rolled_back%'"
                                            + " AND trx_query LIKE CONCAT('%', ?, '%')",
                                    Long.class,
                                    txNo)
                            > 0);
            payment.commit();

            assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(Fate.COMMITTED);
        } finally {
            checkBackThread.shutdownNow();
        }
        assertThat(resultOf(txNo)).isEqualTo("SUCCESS");
    }

    private static String resultOf(String txNo) {
        Http.Response response = stack.payHttp.get("/pay/recharges/" + txNo);
        return response.status() == 200 ? response.json().get("result").asString() : "status " + response.status();
    }

    private static double checkBacks(String answer) {
        Counter counter = stack.pay
                .getBean(MeterRegistry.class)
                .find("dtx.pay.checkback")
                .tag("answer", answer)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
