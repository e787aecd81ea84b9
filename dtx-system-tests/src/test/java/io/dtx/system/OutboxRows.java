package io.dtx.system;

import io.dtx.contract.Messaging;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.UtilAll;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;

/** Rows of the local message table made by the tests, and a consumer that counts what reached the broker. */
final class OutboxRows {

    private OutboxRows() {}

    /** Payment rows and their message rows, due now, as the outbox publisher commits them. */
    static List<String> asIfWrittenByAPublisher(DtxStack stack, String accountNo, int count) throws Exception {
        return asIfWrittenByAPublisher(stack, accountNo, count, "");
    }

    static List<String> asIfWrittenByAPublisher(DtxStack stack, String accountNo, int count, String txNoPrefix)
            throws Exception {
        List<String> txNos = new ArrayList<>();
        try (Connection c = stack.db.connect("bank1_pay")) {
            c.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                String txNo = txNoPrefix + UUID.randomUUID();
                stack.db.update(
                        "bank1_pay",
                        "INSERT INTO account_pay (id, account_no, pay_amount, result) VALUES (?, ?, 0.01, 'success')",
                        txNo,
                        accountNo);
                try (PreparedStatement insert = Db.prepare(
                        c,
                        "INSERT INTO mq_notify (tx_no, message, retry) VALUES (?, ?, 10)",
                        txNo,
                        message(txNo, accountNo, "0.01"))) {
                    insert.executeUpdate();
                }
                txNos.add(txNo);
            }
            c.commit();
        }
        return txNos;
    }

    static String message(String txNo, String accountNo, String amount) {
        return "{\"txNo\":\"" + txNo + "\",\"accountNo\":\"" + accountNo + "\",\"amount\":" + amount + ",\"paidAt\":\""
                + Instant.now() + "\"}";
    }

    static DefaultMQPushConsumer countingConsumer(DtxStack stack, Map<String, AtomicInteger> received)
            throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("it-outbox-counter-" + UUID.randomUUID());
        consumer.setNamesrvAddr(stack.infra.namesrvAddr());
        // From a minute ago: whenever the group's first rebalance ends, nothing sent since is missed.
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_TIMESTAMP);
        consumer.setConsumeTimestamp(UtilAll.timeMillisToHumanString3(System.currentTimeMillis() - 60_000));
        consumer.subscribe(Messaging.RECHARGE_TOPIC, Messaging.RECHARGE_SUCCEEDED_TAG);
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> received.computeIfAbsent(m.getKeys(), k -> new AtomicInteger())
                    .incrementAndGet());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return consumer;
    }
}
