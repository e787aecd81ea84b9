package io.dtx.account.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dtx.account.credit.AppliedBy;
import io.dtx.account.credit.CreditService;
import io.dtx.account.credit.NotAllFirstCreditsException;
import io.dtx.contract.RechargeSucceeded;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * What the batch listener tells the broker: a clean batch in one go; otherwise every message tried
 * on its own, and acknowledged up to the one before the first that failed.
 */
class RechargeBatchListenerTests {

    private final RechargeMessageHandler handler = mock(RechargeMessageHandler.class);
    private final CreditService credits = mock(CreditService.class);
    private final RechargeBatchListener listener = new RechargeBatchListener(handler, credits);
    private final ConsumeConcurrentlyContext context = new ConsumeConcurrentlyContext(new MessageQueue());

    @Test
    void aBatchOfFirstCreditsIsCreditedInOneGoAndAcknowledgedWhole() {
        List<MessageExt> batch = batch("acct-1", "acct-2", "acct-1");
        List<RechargeSucceeded> payments = payments(batch);

        assertThat(listener.consumeMessage(batch, context)).isEqualTo(ConsumeConcurrentlyStatus.CONSUME_SUCCESS);

        verify(credits).applyAll(payments, AppliedBy.MESSAGE);
        verify(handler, never()).credit(any(), any());
        assertThat(context.getAckIndex()).as("left as the client sets it: all").isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aMixedBatchGoesOneByOneAndEveryMessageIsTriedPastAFailure() {
        List<MessageExt> batch = batch("acct-1", "acct-2", "acct-2", "acct-3");
        doThrow(new NotAllFirstCreditsException("b was settled before"))
                .when(credits)
                .applyAll(any(), any());
        doThrow(new IllegalStateException("a bug")).when(handler).credit(eq(batch.get(1)), any());

        assertThat(listener.consumeMessage(batch, context)).isEqualTo(ConsumeConcurrentlyStatus.CONSUME_SUCCESS);

        batch.forEach(message -> verify(handler).credit(eq(message), any()));
        assertThat(context.getAckIndex())
                .as("the first came through; the second and those after it are sent back")
                .isZero();
    }

    @Test
    void aPoisonMessageSendsTheBatchOneByOneWhereItIsSetAside() {
        List<MessageExt> batch = batch("acct-1", "acct-2");
        when(handler.readQuietly(batch.get(1))).thenReturn(Optional.empty());
        when(handler.readOrSetAside(batch.get(1))).thenReturn(Optional.empty());

        listener.consumeMessage(batch, context);

        verify(credits, never()).applyAll(any(), any());
        verify(handler).credit(eq(batch.get(0)), any());
        verify(handler).readOrSetAside(batch.get(1));
        assertThat(context.getAckIndex()).isEqualTo(1);
    }

    @Test
    void anAccountWhoseCreditTimedOutIsNotWaitedForAgainInTheSameBatch() {
        List<MessageExt> batch = batch("acct-1", "hot", "acct-2", "hot");
        doThrow(new QueryTimeoutException("lock wait")).when(credits).applyAll(any(), any());
        doThrow(new QueryTimeoutException("lock wait")).when(handler).credit(eq(batch.get(1)), any());

        listener.consumeMessage(batch, context);

        verify(handler).credit(eq(batch.get(2)), any());
        verify(handler, never()).credit(eq(batch.get(3)), any());
        assertThat(context.getAckIndex()).isZero();
    }

    @Test
    void aDatabaseOutOfReachEndsTheBatchAtTheFirstFailure() {
        List<MessageExt> batch = batch("acct-1", "acct-2", "acct-3");
        doThrow(new CannotCreateTransactionException("no connection"))
                .when(credits)
                .applyAll(any(), any());
        doThrow(new CannotCreateTransactionException("no connection"))
                .when(handler)
                .credit(eq(batch.get(1)), any());

        listener.consumeMessage(batch, context);

        verify(handler, never()).credit(eq(batch.get(2)), any());
        assertThat(context.getAckIndex()).isZero();
    }

    private List<RechargeSucceeded> payments(List<MessageExt> batch) {
        return batch.stream()
                .map(message -> handler.readQuietly(message).orElseThrow())
                .toList();
    }

    /** One message per account given, each read as a payment to that account. */
    private List<MessageExt> batch(String... accounts) {
        List<MessageExt> batch = new ArrayList<>();
        for (int i = 0; i < accounts.length; i++) {
            MessageExt message = new MessageExt();
            message.setKeys("tx-" + i);
            RechargeSucceeded payment = new RechargeSucceeded(
                    "tx-" + i, accounts[i], BigDecimal.ONE, Instant.parse("2026-01-01T00:00:00Z"));
            when(handler.readQuietly(message)).thenReturn(Optional.of(payment));
            when(handler.readOrSetAside(message)).thenReturn(Optional.of(payment));
            batch.add(message);
        }
        return batch;
    }
}
