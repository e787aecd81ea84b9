package io.dtx.pay.checkback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.dtx.contract.RechargeSucceeded;
import io.dtx.pay.payment.PaymentLedger;
import io.dtx.pay.payment.PaymentLedger.Fate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import org.apache.rocketmq.spring.core.RocketMQLocalTransactionState;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

class CheckBackTests {

    private static final RechargeSucceeded PAYMENT =
            new RechargeSucceeded("tx", "1", new BigDecimal("10.00"), Instant.parse("2026-01-01T00:00:00Z"));

    private final PaymentLedger ledger = mock(PaymentLedger.class);
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final CheckBack checkBack = new CheckBack(ledger, metrics);

    @Test
    void aCommittedPaymentIsAnsweredCommit() {
        when(ledger.settle("tx", "1", PAYMENT.amount())).thenReturn(Fate.COMMITTED);

        assertThat(checkBack.answer("tx", () -> PAYMENT)).isEqualTo(RocketMQLocalTransactionState.COMMIT);
        assertThat(answered("commit")).isEqualTo(1);
    }

    @Test
    void aPaymentThatWasNeverTakenIsAnsweredRollback() {
        when(ledger.settle("tx", "1", PAYMENT.amount())).thenReturn(Fate.ROLLED_BACK);

        assertThat(checkBack.answer("tx", () -> PAYMENT)).isEqualTo(RocketMQLocalTransactionState.ROLLBACK);
        assertThat(answered("rollback")).isEqualTo(1);
    }

    @Test
    void whenTheDatabaseCannotBeAskedTheAnswerIsUnknownSoTheBrokerAsksAgain() {
        when(ledger.settle("tx", "1", PAYMENT.amount())).thenThrow(new DataAccessResourceFailureException("down"));

        assertThat(checkBack.answer("tx", () -> PAYMENT)).isEqualTo(RocketMQLocalTransactionState.UNKNOWN);
        assertThat(answered("unknown")).isEqualTo(1);
    }

    @Test
    void aBodyThatCannotBeReadIsUnknownNeverAGuess() {
        RocketMQLocalTransactionState answer = checkBack.answer("tx", () -> {
            throw new IllegalArgumentException("not JSON");
        });

        assertThat(answer).isEqualTo(RocketMQLocalTransactionState.UNKNOWN);
    }

    private double answered(String answer) {
        return metrics.counter("dtx.pay.checkback", "answer", answer).count();
    }
}
