package io.dtx.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Payments the broker never heard of (written straight into bank1_pay): the account side closes
 * each gap by pulling, by reconciliation, or by both at the same moment, and credits it once.
 */
class DeliveryLapseIntegrationTests {

    private static DtxStack stack;

    @BeforeAll
    static void startStack() {
        stack = DtxStack.get();
    }

    @Test
    void pullClosesTheGapOnce() {
        String accountNo = stack.db.newAccount("pull-");
        String txNo = stack.db.paymentWithoutMessage(accountNo, "7.00");

        Http.Response first = pull(txNo);
        Http.Response second = pull(txNo);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("outcome").asString()).isEqualTo("APPLIED");
        assertThat(second.json().get("outcome").asString()).isEqualTo("ALREADY_APPLIED");
        assertThat(stack.db.credits(txNo)).isEqualTo(1);
        assertThat(stack.db.appliedBy(txNo)).isEqualTo("PULL");
        assertThat(stack.db.balance(accountNo)).isEqualByComparingTo("7.00");
    }

    @Test
    void reconciliationClosesTheGapOnce() {
        String accountNo = stack.db.newAccount("recon-");
        String txNo = stack.db.paymentWithoutMessage(accountNo, "8.00");

        Http.Response run = stack.accountHttp.post("/accounts/reconciliation/runs", "");
        stack.accountHttp.post("/accounts/reconciliation/runs", "");

        assertThat(run.json().get("applied").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(stack.db.credits(txNo)).isEqualTo(1);
        assertThat(stack.db.appliedBy(txNo)).isEqualTo("RECONCILIATION");
        assertThat(stack.db.balance(accountNo)).isEqualByComparingTo("8.00");
    }

    @Test
    void pullsAndReconciliationRacingForTheSamePaymentCreditItOnce() throws Exception {
        String accountNo = stack.db.newAccount("race-");
        List<String> txNos = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            txNos.add(stack.db.paymentWithoutMessage(accountNo, "3.00"));
        }
        int racers = 6;
        CyclicBarrier start = new CyclicBarrier(racers);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<CompletableFuture<Void>> runs = new ArrayList<>();
            runs.add(CompletableFuture.runAsync(
                    () -> {
                        await(start);
                        stack.accountHttp.post("/accounts/reconciliation/runs", "");
                    },
                    pool));
            for (int r = 1; r < racers; r++) {
                runs.add(CompletableFuture.runAsync(
                        () -> {
                            await(start);
                            txNos.forEach(DeliveryLapseIntegrationTests::pull);
                        },
                        pool));
            }
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }

        txNos.forEach(txNo -> assertThat(stack.db.credits(txNo)).as(txNo).isEqualTo(1));
        assertThat(stack.db.balance(accountNo)).isEqualByComparingTo("15.00");
    }

    @Test
    void pullTellsUnknownAndFailedPaymentsApart() {
        String accountNo = stack.db.newAccount("failed-");
        String rolledBack = UUID.randomUUID().toString();
        stack.db.update(
                "bank1_pay",
                "INSERT INTO account_pay (id, account_no, pay_amount, result) VALUES (?, ?, 5.00, 'rolled_back')",
                rolledBack,
                accountNo);

        assertThat(pull(UUID.randomUUID().toString()).json().get("outcome").asString())
                .isEqualTo("NOT_FOUND");
        assertThat(pull(rolledBack).json().get("outcome").asString()).isEqualTo("FAILED_PAYMENT");
        assertThat(stack.db.credits(rolledBack)).isZero();
        assertThat(stack.db.balance(accountNo)).isEqualByComparingTo("0.00");
    }

    private static Http.Response pull(String txNo) {
        return stack.accountHttp.post("/accounts/recharges/" + txNo + "/pull", "");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
