package io.dtx.testsupport;

import java.util.UUID;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;

/** Plain RocketMQ clients tuned for a local broker: a consumer that is ready in a second or two. */
final class RocketMqClients {

    private RocketMqClients() {}

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static TransactionMQProducer transactionProducer(Infrastructure infra, String group) {
        TransactionMQProducer producer = new TransactionMQProducer(group);
        producer.setNamesrvAddr(infra.namesrvAddr());
        producer.setInstanceName(unique(group));
        return producer;
    }

    static DefaultMQPushConsumer consumer(Infrastructure infra, String group, String topic) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(infra.namesrvAddr());
        consumer.setInstanceName(unique(group));
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        // With the 30 s defaults the broker refuses pulls ("subscription is not latest") for ~28 s.
        consumer.setHeartbeatBrokerInterval(1_000);
        consumer.setPollNameServerInterval(1_000);
        consumer.subscribe(topic, "*");
        return consumer;
    }
}
