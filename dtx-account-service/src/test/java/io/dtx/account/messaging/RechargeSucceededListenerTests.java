package io.dtx.account.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import io.dtx.account.credit.CreditService;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.junit.jupiter.api.Test;

/** What the listener sets on the client before it starts, and the settings it refuses. */
class RechargeSucceededListenerTests {

    private final RechargeMessageHandler handler = mock(RechargeMessageHandler.class);
    private final CreditService credits = mock(CreditService.class);

    @Test
    void theConsumerGetsItsThreadsBatchAndRedeliveries() {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("dtx-account-consumer");

        new RechargeSucceededListener(handler, credits, 1000, 16, 16, 4, 48).prepareStart(consumer);

        assertThat(consumer.getConsumeThreadMin()).isEqualTo(4);
        assertThat(consumer.getConsumeThreadMax()).isEqualTo(4);
        assertThat(consumer.getConsumeMessageBatchMaxSize()).isEqualTo(16);
        assertThat(consumer.getMessageListener()).isInstanceOf(RechargeBatchListener.class);
        assertThat(consumer.getMaxReconsumeTimes()).isEqualTo(16);
        assertThat(consumer.getPullThresholdForQueue()).isEqualTo(48);
    }

    @Test
    void oneAtATimeKeepsTheStartersListener() {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("dtx-account-consumer");

        listener(1, 64).prepareStart(consumer);

        assertThat(consumer.getConsumeThreadMin()).isEqualTo(64);
        assertThat(consumer.getConsumeThreadMax()).isEqualTo(64);
        assertThat(consumer.getConsumeMessageBatchMaxSize()).isEqualTo(1);
        assertThat(consumer.getMessageListener()).isNull();
        assertThat(consumer.getPullThresholdForQueue()).isEqualTo(32);
    }

    @Test
    void theClientsOwnBoundsAreAccepted() {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("dtx-account-consumer");

        new RechargeSucceededListener(handler, credits, 1000, 16, 32, 1000, 65535).prepareStart(consumer);

        assertThat(consumer.getConsumeThreadMax()).isEqualTo(1000);
        assertThat(consumer.getPullThresholdForQueue()).isEqualTo(65535);
        assertThat(consumer.getConsumeMessageBatchMaxSize()).isEqualTo(32);

        new RechargeSucceededListener(handler, credits, 1000, 16, 1, 1, 1).prepareStart(consumer);

        assertThat(consumer.getConsumeThreadMax()).isEqualTo(1);
        assertThat(consumer.getPullThresholdForQueue()).isEqualTo(1);
    }

    @Test
    void settingsOutOfRangeAreRefusedAtStart() {
        assertThatThrownBy(() -> listener(0, 20)).hasMessageContaining("ACCOUNT_CONSUME_BATCH");
        assertThatThrownBy(() -> listener(33, 20)).hasMessageContaining("ACCOUNT_CONSUME_BATCH");
        assertThatThrownBy(() -> listener(16, 0))
                .hasMessageContaining("(ACCOUNT_CONSUME_THREADS) must be 1 to 1000, was 0");
        assertThatThrownBy(() -> listener(16, 1001)).hasMessageContaining("ACCOUNT_CONSUME_THREADS");
        assertThatThrownBy(() -> new RechargeSucceededListener(handler, credits, 1000, 16, 16, 20, 0))
                .hasMessageContaining("(ACCOUNT_CONSUME_PREFETCH) must be 1 to 65535, was 0");
        assertThatThrownBy(() -> new RechargeSucceededListener(handler, credits, 1000, 16, 16, 20, 65536))
                .hasMessageContaining("ACCOUNT_CONSUME_PREFETCH");
    }

    private RechargeSucceededListener listener(int batchSize, int threads) {
        return new RechargeSucceededListener(handler, credits, 1000, 16, batchSize, threads, 32);
    }
}
