package io.dtx.pay.checkback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dtx.contract.RechargeSucceeded;
import io.dtx.pay.payment.Payment;
import io.dtx.pay.payment.PaymentLedger;
import io.dtx.pay.payment.PaymentLedger.Fate;
import io.dtx.web.journey.Journeys;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.apache.rocketmq.spring.core.RocketMQLocalTransactionState;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

class CheckBackTests {

    private static final RechargeSucceeded PAYMENT =
            new RechargeSucceeded("tx", "1", new BigDecimal("10.00"), Instant.parse("2026-01-01T00:00:00Z"));
    private static final Optional<HalfMessageClaim> SIGNED = Optional.of(new HalfMessageClaim(PAYMENT, true));
    private static final Optional<HalfMessageClaim> UNSIGNED = Optional.of(new HalfMessageClaim(PAYMENT, false));

    private final PaymentLedger ledger = mock(PaymentLedger.class);
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final CheckBack checkBack = new CheckBack(ledger, metrics, new Journeys("test", Clock.systemUTC()));

    @Test
    void aCommittedPaymentIsAnsweredCommit() {
        when(ledger.settle("tx", "1", PAYMENT.amount())).thenReturn(Fate.COMMITTED);

        assertThat(checkBack.answer("tx", () -> SIGNED)).isEqualTo(RocketMQLocalTransactionState.COMMIT);
        assertThat(answered("commit")).isEqualTo(1);
    }

    @Test
    void aPaymentThatWasNeverTakenIsAnsweredRollback() {
        when(ledger.settle("tx", "1", PAYMENT.amount())).thenReturn(Fate.ROLLED_BACK);

        assertThat(checkBack.answer("tx", () -> SIGNED)).isEqualTo(RocketMQLocalTransactionState.ROLLBACK);
        assertThat(answered("rollback")).isEqualTo(1);
    }

    @Test
    void whenTheDatabaseCannotBeAskedTheAnswerIsUnknownSoTheBrokerAsksAgain() {
        when(ledger.settle("tx", "1", PAYMENT.amount())).thenThrow(new DataAccessResourceFailureException("down"));

        assertThat(checkBack.answer("tx", () -> SIGNED)).isEqualTo(RocketMQLocalTransactionState.UNKNOWN);
        assertThat(answered("unknown")).isEqualTo(1);
    }

    @Test
    void aHalfMessageThisSideDidNotSignWritesNothingAndIsRolledBack() {
        when(ledger.find("tx")).thenReturn(Optional.empty());

        assertThat(checkBack.answer("tx", () -> UNSIGNED)).isEqualTo(RocketMQLocalTransactionState.ROLLBACK);
        assertThat(checkBack.answer("tx", Optional::empty)).isEqualTo(RocketMQLocalTransactionState.ROLLBACK);
        verify(ledger, never()).settle(any(), any(), any());
        assertThat(answered("rollback_unsigned")).isEqualTo(2);
    }

    @Test
    void anUnsignedHalfMessageOfAPaymentThatExistsWithItsFiguresIsCommittedWithoutWriting() {
        // A message of ours signed with a key rotated out since: the consumer checks it anyway.
        Payment paid = new Payment();
        paid.setResult("success");
        paid.setAccountNo("1");
        paid.setPayAmount(new BigDecimal("10.00"));
        when(ledger.find("tx")).thenReturn(Optional.of(paid));

        assertThat(checkBack.answer("tx", () -> UNSIGNED)).isEqualTo(RocketMQLocalTransactionState.COMMIT);
        verify(ledger, never()).settle(any(), any(), any());
    }

    private double answered(String answer) {
        return metrics.counter("dtx.pay.checkback", "answer", answer).count();
    }
}
