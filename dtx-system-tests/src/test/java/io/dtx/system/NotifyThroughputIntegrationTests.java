package io.dtx.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;

/**
 * How many notifications a second the notifier delivers to a healthy receiver: the account
 * service's callback endpoint itself (two signatures checked, one credit committed per call),
 * reached through the gate. A burst of signed payment results goes straight onto the topic; the
 * figure is the delivered count over the time from the first notification opened to the last one
 * delivered, both read from the notifier's database. Printed, not asserted (measured side by side
 * with the other publishers in the benchmark); what is asserted is that every one was delivered
 * and credited once. The bad receivers are turned off meanwhile, so they take no threads.
 */
class NotifyThroughputIntegrationTests {

    private static final int BURST = 1000;
    private static final List<String> BAD = List.of("status-500", "wrong-body", "gone", "retry-after", "slow");

    private final NotifyStack stack = NotifyStack.get();

    @Test
    void deliversABurstToAHealthyReceiverEachOnce() throws Exception {
        String accountNo = stack.db.newAccount("notify-burst-");
        BAD.forEach(id -> stack.notifierHttp.post("/notifier/subscriptions/" + id + "/disable", ""));
        try {
            Messages.send(stack.infra.namesrvAddr(), burst(accountNo));
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> delivered(accountNo) >= BURST);
        } finally {
            // The bad receivers' notifications of the burst are the measurement's, not theirs to work off.
            stack.db.update(
                    "dtx_notify",
                    "DELETE FROM notification WHERE subscription_id <> 'account-service'"
                            + " AND tx_no IN (SELECT tx_no FROM (SELECT tx_no FROM notification WHERE subscription_id ="
                            + " 'account-service' AND payload LIKE ?) burst)",
                    "%" + accountNo + "%");
            BAD.forEach(id -> stack.notifierHttp.post("/notifier/subscriptions/" + id + "/enable", ""));
        }
        double seconds = stack.db.scalar(
                        "dtx_notify",
                        "SELECT TIMESTAMPDIFF(MICROSECOND, MIN(create_time), MAX(delivered_at)) FROM notification"
                                + " WHERE subscription_id = 'account-service' AND payload LIKE ?",
                        Long.class,
                        "%" + accountNo + "%")
                / 1e6;
        System.out.printf(
                "Notifier throughput: %d deliveries to the account service's callback in %.2f s = %.0f/s%n",
                BURST, seconds, BURST / seconds);
        assertThat(stack.db.balance(accountNo)).isEqualByComparingTo(new BigDecimal(BURST).setScale(2));
        assertThat(stack.db.scalar(
                        "bank1", "SELECT COUNT(*) FROM de_duplication WHERE account_no = ?", Long.class, accountNo))
                .isEqualTo(BURST);
    }

    /** Payments of 1.00 to the account, signed as the pay side signs them. */
    private static List<Message> burst(String accountNo) {
        List<Message> burst = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            String txNo = UUID.randomUUID().toString();
            burst.add(Messages.signed(
                    txNo,
                    "{\"txNo\":\"" + txNo + "\",\"accountNo\":\"" + accountNo + "\",\"amount\":\"1.00\",\"paidAt\":\""
                            + Instant.now() + "\"}"));
        }
        return burst;
    }

    private long delivered(String accountNo) {
        return stack.db.scalar(
                "dtx_notify",
                "SELECT COUNT(*) FROM notification WHERE subscription_id = 'account-service'"
                        + " AND status = 'delivered' AND payload LIKE ?",
                Long.class,
                "%" + accountNo + "%");
    }
}
