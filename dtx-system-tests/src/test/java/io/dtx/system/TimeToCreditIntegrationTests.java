package io.dtx.system;

import static io.dtx.system.Http.rechargeJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures, and only reports, how long a recharge takes from the payment's commit to the credit's
 * commit, from the two databases' own timestamps. Speed is judged by the benchmark, not here.
 */
class TimeToCreditIntegrationTests {

    private static final int RECHARGES = 20;

    private static DtxStack stack;

    @BeforeAll
    static void startStack() {
        stack = DtxStack.get();
    }

    @Test
    void sequentialRechargesAreCreditedAndTheirTimeToCreditIsReported() {
        String accountNo = stack.db.newAccount("ttc-");
        List<String> txNos = new ArrayList<>();
        List<Long> clientMillis = new ArrayList<>();
        for (int i = 0; i < RECHARGES; i++) {
            long posted = System.nanoTime();
            String txNo = stack.payHttp
                    .post("/pay/recharges", rechargeJson(accountNo, "1.00"))
                    .json()
                    .get("txNo")
                    .asString();
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> stack.db.credits(txNo) == 1);
            clientMillis.add((System.nanoTime() - posted) / 1_000_000);
            txNos.add(txNo);
        }

        List<Long> millis = new ArrayList<>();
        for (String txNo : txNos) {
            millis.add(stack.db.scalar("bank1", """
                    SELECT TIMESTAMPDIFF(MICROSECOND, p.created_at, d.create_time) DIV 1000
                    FROM bank1_pay.account_pay p JOIN bank1.de_duplication d ON d.tx_no = p.id
                    WHERE p.id = ?""", Long.class, txNo));
        }
        millis.sort(null);
        System.out.printf(
                "Time to credit over %d sequential recharges (payment commit -> credit commit):"
                        + " min %d ms, median %d ms, max %d ms%n",
                RECHARGES, millis.get(0), millis.get(RECHARGES / 2), millis.get(RECHARGES - 1));
        clientMillis.sort(null);
        System.out.printf(
                "POST to credited balance as a client sees it (polling every 5 ms):"
                        + " min %d ms, median %d ms, max %d ms%n",
                clientMillis.get(0), clientMillis.get(RECHARGES / 2), clientMillis.get(RECHARGES - 1));
        assertThat(stack.db.balance(accountNo)).isEqualByComparingTo(String.valueOf(RECHARGES));
    }
}
