package io.dtx.walkthrough.bench;

import io.dtx.contract.Messaging;
import io.dtx.walkthrough.probe.Databases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * The binlog relay's lag, commit to publish, from data the relay did not write: each payment's
 * {@code created_at} in {@code bank1_pay}, and the time the broker stored its message (both clocks
 * are this machine's). Up to 200 payments of a run, spread evenly over it.
 */
final class RelayLag {

    private static final int SAMPLE = 200;

    private RelayLag() {}

    /** Microseconds from commit to the broker's store time, sorted; for the payments of these accounts. */
    static List<Long> of(Databases db, String namesrvAddr, List<String> accounts) {
        String first = accounts.get(0);
        String prefix = first.substring(0, first.lastIndexOf('-') + 1) + "%";
        List<Map<String, Object>> payments = db.rows(
                "bank1_pay",
                "SELECT id, ROUND(UNIX_TIMESTAMP(created_at) * 1000) AS committed_ms FROM account_pay"
                        + " WHERE account_no LIKE ? AND result = 'success' ORDER BY seq",
                prefix);
        int step = Math.max(1, payments.size() / SAMPLE);
        // A reader that never pulls: only its query by key is used (the client's admin interface).
        DefaultMQPullConsumer admin = new DefaultMQPullConsumer("dtx-bench-relay-lag-" + UUID.randomUUID());
        admin.setNamesrvAddr(namesrvAddr);
        admin.setInstanceName("dtx-bench-relay-lag-" + UUID.randomUUID());
        List<Long> micros = new ArrayList<>();
        try {
            admin.start();
            for (int i = 0; i < payments.size(); i += step) {
                String txNo = (String) payments.get(i).get("id");
                long committed = ((Number) payments.get(i).get("committed_ms")).longValue(); // UTC session
                List<MessageExt> copies = admin.queryMessage(Messaging.RECHARGE_TOPIC, txNo, 32, 0, Long.MAX_VALUE)
                        .getMessageList();
                copies.stream()
                        .mapToLong(MessageExt::getStoreTimestamp)
                        .min()
                        .ifPresent(stored -> micros.add((stored - committed) * 1000));
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the relay's messages from the broker", e);
        } finally {
            admin.shutdown();
        }
        return micros.stream().sorted().toList();
    }
}
