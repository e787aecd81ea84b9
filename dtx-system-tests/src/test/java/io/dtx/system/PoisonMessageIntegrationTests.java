package io.dtx.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dtx.contract.Messaging;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Messages that can never be applied are set aside once for a person, acknowledged, and change no balance. */
class PoisonMessageIntegrationTests {

    private static DtxStack stack;

    @BeforeAll
    static void startStack() {
        stack = DtxStack.get();
    }

    @Test
    void unreadableMessageAndUnknownAccountAreSetAsideNotRetriedForever() throws Exception {
        String garbledTx = "poison-" + UUID.randomUUID();
        String unknownAccountTx = "poison-" + UUID.randomUUID();
        String unknownAccount =
                "no-such-account-" + UUID.randomUUID().toString().substring(0, 8);
        DefaultMQProducer producer = new DefaultMQProducer("it-poisoner-" + UUID.randomUUID());
        producer.setNamesrvAddr(stack.infra.namesrvAddr());
        producer.start();
        try {
            send(producer, garbledTx, "{this is not json");
            send(
                    producer,
                    unknownAccountTx,
                    "{\"txNo\":\"" + unknownAccountTx + "\",\"accountNo\":\"" + unknownAccount + "\",\"amount\":5.00}");
        } finally {
            producer.shutdown();
        }

        await().atMost(Duration.ofSeconds(20))
                .until(() -> poisonRows(garbledTx) == 1 && poisonRows(unknownAccountTx) == 1);
        assertThat(stack.db.scalar(
                        "bank1", "SELECT reason FROM poison_message WHERE tx_no = ?", String.class, garbledTx))
                .startsWith("unreadable body");
        assertThat(stack.db.scalar(
                        "bank1", "SELECT reason FROM poison_message WHERE tx_no = ?", String.class, unknownAccountTx))
                .contains(unknownAccount);
        // Acknowledged, not redelivered: still one row each after several redelivery delays.
        await().during(Duration.ofSeconds(4))
                .atMost(Duration.ofSeconds(6))
                .until(() -> poisonRows(garbledTx) == 1 && poisonRows(unknownAccountTx) == 1);
        assertThat(stack.db.credits(unknownAccountTx)).isZero();
    }

    private static long poisonRows(String txNo) {
        return stack.db.scalar("bank1", "SELECT COUNT(*) FROM poison_message WHERE tx_no = ?", Long.class, txNo);
    }

    private static void send(DefaultMQProducer producer, String key, String body) throws Exception {
        producer.send(new Message(
                Messaging.RECHARGE_TOPIC,
                Messaging.RECHARGE_SUCCEEDED_TAG,
                key,
                body.getBytes(StandardCharsets.UTF_8)));
    }
}
