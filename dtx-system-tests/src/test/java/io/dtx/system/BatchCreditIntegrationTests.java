package io.dtx.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dtx.contract.Messaging;
import io.dtx.web.journey.JourneyPage;
import io.dtx.web.journey.Journeys;
import io.dtx.web.journey.Milestone;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.spring.support.DefaultRocketMQListenerContainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Under load the consumer credits up to 16 messages in one transaction. A batch holding anything
 * but plain first credits (a payment twice, an unknown account, a poison message) rolls back whole
 * and is credited one by one: still each payment once, the unknown one held, the poison one set aside.
 *
 * <p>To make batches form on demand, the account service's consumer is paused, a backlog is put on
 * one queue of the topic, and the consumer resumed: its first pull takes 32 messages at once.
 */
class BatchCreditIntegrationTests {

    private static DtxStack stack;

    @BeforeAll
    static void startStack() {
        stack = DtxStack.get();
    }

    @Test
    void aBacklogIsCreditedInBatchesAndAMixedBatchOneByOne() throws Exception {
        String accountNo = stack.db.newAccount("batch-");
        String otherAccount = stack.db.newAccount("batch-");
        List<String> txNos = new ArrayList<>();
        List<Message> backlog = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String txNo = "batch-" + UUID.randomUUID();
            txNos.add(txNo);
            backlog.add(Messages.signed(txNo, payment(txNo, i % 3 == 0 ? otherAccount : accountNo, "1.00")));
        }
        // Pulled 32 at a time, handed over 16 at a time: 0-15 clean; 16-31 with one payment twice;
        // 32-47 with an unknown account; 48-63 with a poison message; 64-66 clean.
        backlog.add(20, Messages.signed(txNos.get(19), payment(txNos.get(19), accountNo, "1.00")));
        String unknown = "batch-unknown-" + UUID.randomUUID();
        backlog.add(40, Messages.signed(unknown, payment(unknown, "no-such-" + UUID.randomUUID(), "7.00")));
        String poison = "batch-poison-" + UUID.randomUUID();
        backlog.add(60, Messages.signed(poison, "{not json"));
        DistributionSummary batches = batchSizes();
        long batchesBefore = batches.count();
        double creditedTogetherBefore = batches.totalAmount();

        long mark = lastStep();

        sendWhilePaused(backlog);

        await().atMost(Duration.ofSeconds(40))
                .until(() -> txNos.stream().allMatch(txNo -> stack.db.credits(txNo) == 1));
        // 22 of the 64 to the other account (every third), each once; the one sent twice counted once.
        assertThat(stack.db.balance(otherAccount)).isEqualByComparingTo("22.00");
        assertThat(stack.db.balance(accountNo)).isEqualByComparingTo("42.00");
        await().atMost(Duration.ofSeconds(20)).until(() -> heldInSuspense(unknown) == 1 && poisonRows(poison) == 1);
        assertThat(stack.db.credits(unknown)).isZero();
        // Batches did form and commit, and the three mixed ones did not: of the 64, at most 61
        // were credited together (each mixed batch holds at least one more good payment).
        assertThat(batches.count()).isGreaterThan(batchesBefore);
        assertThat(batches.max()).isGreaterThan(1);
        assertThat(batches.totalAmount() - creditedTogetherBefore).isBetween(2.0, 61.0);
        // Each message delivered once: no batch was sent back to the broker, mixed or not (the
        // 64 payments, one of them twice).
        assertThat(deliveriesAfter(mark, Set.copyOf(txNos))).hasSize(65).containsOnly("delivery 1");
    }

    /** The consumer paused, the messages put on one queue, the consumer resumed. */
    private static void sendWhilePaused(List<Message> messages) throws Exception {
        DefaultMQPushConsumer consumer =
                stack.account.getBean(DefaultRocketMQListenerContainer.class).getConsumer();
        DefaultMQProducer producer = new DefaultMQProducer("it-sender-" + UUID.randomUUID());
        producer.setNamesrvAddr(stack.infra.namesrvAddr());
        producer.start();
        MessageQueue queue =
                producer.fetchPublishMessageQueues(Messaging.RECHARGE_TOPIC).get(0);
        // One payment through that queue first: the consumer is pulling from it.
        sendAndAwaitCredit(producer, queue, "batch-probe-");
        consumer.suspend();
        try {
            // The pull then waiting at the broker returns with the first message to arrive, paused
            // or not: let one payment end it, so that the backlog waits for the resume.
            sendAndAwaitCredit(producer, queue, "batch-opener-");
            for (Message message : messages) {
                producer.send(message, queue);
            }
        } finally {
            consumer.resume();
            producer.shutdown();
        }
    }

    private static void sendAndAwaitCredit(DefaultMQProducer producer, MessageQueue queue, String prefix)
            throws Exception {
        String txNo = prefix + UUID.randomUUID();
        producer.send(Messages.signed(txNo, payment(txNo, stack.db.newAccount("batch-"), "1.00")), queue);
        await().atMost(Duration.ofSeconds(20)).until(() -> stack.db.credits(txNo) == 1);
    }

    /** The number of the account service's last journey step so far. */
    private static long lastStep() {
        Journeys journeys = stack.account.getBean(Journeys.class);
        long last = 0;
        for (JourneyPage page = journeys.after(0); !page.steps().isEmpty(); page = journeys.after(last)) {
            last = page.last();
        }
        return last;
    }

    /** The deliveries the account service recorded after step {@code mark}, of these txNos. */
    private static List<String> deliveriesAfter(long mark, Set<String> txNos) {
        Journeys journeys = stack.account.getBean(Journeys.class);
        List<String> deliveries = new ArrayList<>();
        long last = mark;
        for (JourneyPage page = journeys.after(last); !page.steps().isEmpty(); page = journeys.after(last)) {
            page.steps().stream()
                    .filter(step -> step.milestone() == Milestone.DELIVERED && txNos.contains(step.txNo()))
                    .forEach(step -> deliveries.add(step.detail()));
            last = page.last();
        }
        return deliveries;
    }

    private static DistributionSummary batchSizes() {
        return stack.account.getBean(MeterRegistry.class).summary("dtx.account.credit.batch.size");
    }

    private static long heldInSuspense(String txNo) {
        return stack.db.scalar("bank1", "SELECT COUNT(*) FROM suspense WHERE tx_no = ?", Long.class, txNo);
    }

    private static long poisonRows(String txNo) {
        return stack.db.scalar("bank1", "SELECT COUNT(*) FROM poison_message WHERE tx_no = ?", Long.class, txNo);
    }

    private static String payment(String txNo, String accountNo, String amount) {
        return "{\"txNo\":\"" + txNo + "\",\"accountNo\":\"" + accountNo + "\",\"amount\":" + amount + ",\"paidAt\":\""
                + Instant.now() + "\"}";
    }
}
