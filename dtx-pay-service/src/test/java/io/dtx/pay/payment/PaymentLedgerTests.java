package io.dtx.pay.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dtx.pay.payment.PaymentLedger.Fate;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The check-back's decision in {@link PaymentLedger#settle}, one case per row state. The real
 * interleaving (a local transaction still open while the tombstone waits on its lock) is proven
 * on a real database by the system tests; this pins down the logic around it.
 */
class PaymentLedgerTests {

    private static final BigDecimal AMOUNT = new BigDecimal("10.00");

    private final PaymentMapper mapper = mock(PaymentMapper.class);
    private final PaymentLedger ledger = new PaymentLedger(mapper);

    @Test
    void aCommittedPaymentIsCommittedWithoutWritingAnything() {
        when(mapper.selectById("tx")).thenReturn(row("success"));

        assertThat(ledger.settle("tx", "1", AMOUNT)).isEqualTo(Fate.COMMITTED);
        verify(mapper, never()).insertTombstone(any(), any(), any());
    }

    @Test
    void aPaymentThatNeverCommittedGetsATombstoneAndIsRolledBack() {
        when(mapper.selectById("tx")).thenReturn(null);
        when(mapper.insertTombstone("tx", "1", AMOUNT)).thenReturn(1);

        assertThat(ledger.settle("tx", "1", AMOUNT)).isEqualTo(Fate.ROLLED_BACK);
    }

    @Test
    void whenTheLocalTransactionCommitsWhileTheTombstoneWaitsThePaymentIsCommitted() {
        // First read: nothing yet. The tombstone is ignored (the payment's own row won the key),
        // and the second read sees the committed payment.
        when(mapper.selectById("tx")).thenReturn(null, row("success"));
        when(mapper.insertTombstone("tx", "1", AMOUNT)).thenReturn(0);

        assertThat(ledger.settle("tx", "1", AMOUNT)).isEqualTo(Fate.COMMITTED);
    }

    @Test
    void anEarlierTombstoneStaysRolledBack() {
        when(mapper.selectById("tx")).thenReturn(row("rolled_back"));

        assertThat(ledger.settle("tx", "1", AMOUNT)).isEqualTo(Fate.ROLLED_BACK);
        verify(mapper, never()).insertTombstone(any(), any(), any());
    }

    private static Payment row(String result) {
        Payment payment = new Payment();
        payment.setTxNo("tx");
        payment.setResult(result);
        return payment;
    }
}
