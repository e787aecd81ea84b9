package io.dtx.pay.halfmessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.dtx.contract.MessageSigning;
import io.dtx.contract.RechargeSucceeded;
import io.dtx.pay.checkback.CheckBack;
import io.dtx.pay.checkback.HalfMessageClaim;
import io.dtx.pay.payment.LocalCommitHook;
import io.dtx.pay.payment.PaymentCommand;
import io.dtx.pay.payment.PaymentLedger;
import io.dtx.web.journey.Journeys;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.rocketmq.spring.core.RocketMQLocalTransactionState;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

/** Each answer the listener gives the broker, and each failure that leads to it. */
class RechargeTransactionListenerTests {

    private static final String KEY = MessageSigning.newKeySpec("k1");

    private static final PaymentCommand COMMAND = new PaymentCommand("tx", "1", new BigDecimal("10.00"), null, null);

    private final PaymentLedger ledger = mock(PaymentLedger.class);
    private final CheckBack checkBack = mock(CheckBack.class);
    private final RechargeMessageCodec codec = new RechargeMessageCodec(
            JsonMapper.builder().build(), MessageSigning.forSigning(KEY, "k1"), "dtx-recharge");
    private final LocalCommitHook hook = mock(LocalCommitHook.class);
    private final RechargeTransactionListener listener =
            new RechargeTransactionListener(ledger, codec, hook, checkBack, new Journeys("test", Clock.systemUTC()));

    @Test
    void aRecordedPaymentIsCommittedAndTheHookRunsOnlyAfterTheLocalCommit() {
        assertThat(listener.executeLocalTransaction(message(), COMMAND))
                .isEqualTo(RocketMQLocalTransactionState.COMMIT);

        InOrder order = inOrder(ledger, hook);
        order.verify(ledger).recordSucceeded(COMMAND);
        order.verify(hook).afterLocalCommit("tx", "1");
    }

    @Test
    void aTakenKeyIsRolledBack() {
        doThrow(new DuplicateKeyException("tombstone")).when(ledger).recordSucceeded(COMMAND);

        assertThat(listener.executeLocalTransaction(message(), COMMAND))
                .isEqualTo(RocketMQLocalTransactionState.ROLLBACK);
        verifyNoInteractions(hook);
    }

    @Test
    void anyOtherFailureIsLeftToTheCheckBackBecauseTheCommitMayHaveHappened() {
        doThrow(new DataAccessResourceFailureException("connection lost during COMMIT"))
                .when(ledger)
                .recordSucceeded(COMMAND);

        assertThat(listener.executeLocalTransaction(message(), COMMAND))
                .isEqualTo(RocketMQLocalTransactionState.UNKNOWN);
        verifyNoInteractions(hook);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCheckBackIsAnsweredByCheckBackWithWhatTheMessageClaimsAndWhetherItIsOurs() {
        when(checkBack.answer(any(), any())).thenReturn(RocketMQLocalTransactionState.COMMIT);

        assertThat(listener.checkLocalTransaction(message())).isEqualTo(RocketMQLocalTransactionState.COMMIT);

        ArgumentCaptor<Supplier<Optional<HalfMessageClaim>>> claim = ArgumentCaptor.forClass(Supplier.class);
        verify(checkBack).answer(eq("tx"), claim.capture());
        HalfMessageClaim claimed = claim.getValue().get().orElseThrow();
        assertThat(claimed.signedByUs()).isTrue();
        assertThat(claimed.payment().amount()).isEqualByComparingTo("10.00");
    }

    /** The half message as the broker hands it back: the published headers, plus the key. */
    private Message<byte[]> message() {
        Message<byte[]> published =
                codec.toMessage(new RechargeSucceeded("tx", "1", new BigDecimal("10.00"), Instant.EPOCH));
        return MessageBuilder.withPayload(published.getPayload())
                .copyHeaders(published.getHeaders())
                .setHeader(RocketMQHeaders.PREFIX + RocketMQHeaders.KEYS, "tx")
                .build();
    }
}
