package io.dtx.pay.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dtx.pay.payment.PaymentLedger.Fate;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The check-back's decision in {@link PaymentLedger#settle}, one case per row state. The real
 * interleaving (a local transaction still open while the tombstone waits on its lock) is proven
 * on a real database by {@code CheckBackIntegrationTests}; this pins down the logic around it.
 */
class PaymentLedgerTests {

    private static final BigDecimal AMOUNT = new BigDecimal("10.00");

    private final PaymentMapper mapper = mock(PaymentMapper.class);
    private final PaymentLedger ledger = new PaymentLedger(mapper);

    @Test
    void aCommittedPaymentIsCommittedWithoutWritingAnything() {
        when(mapper.selectById("tx")).thenReturn(row("success", "1", "10.00"));

        assertThat(ledger.settle("tx", "1", AMOUNT)).isEqualTo(Fate.COMMITTED);
        verify(mapper, never()).insertTombstone(any(), any(), any());
    }

    @Test
    void aPaymentThatNeverCommittedGetsATombstoneAndIsRolledBack() {
        when(mapper.selectById("tx")).thenReturn(null);

        assertThat(ledger.settle("tx", "1", AMOUNT)).isEqualTo(Fate.ROLLED_BACK);
        verify(mapper).insertTombstone("tx", "1", AMOUNT);
    }

    @Test
    void whenTheLocalTransactionCommitsWhileTheTombstoneWaitsThePaymentIsCommitted() {
        // First read: nothing yet. The tombstone hits the payment's own key, which committed
        // meanwhile, and the second read sees the payment.
        when(mapper.selectById("tx")).thenReturn(null, row("success", "1", "10.00"));
        doThrow(new DuplicateKeyException("PRIMARY")).when(mapper).insertTombstone("tx", "1", AMOUNT);

        assertThat(ledger.settle("tx", "1", AMOUNT)).isEqualTo(Fate.COMMITTED);
    }

    @Test
    void anEarlierTombstoneStaysRolledBack() {
        when(mapper.selectById("tx")).thenReturn(row("rolled_back", "1", "10.00"));

        assertThat(ledger.settle("tx", "1", AMOUNT)).isEqualTo(Fate.ROLLED_BACK);
        verify(mapper, never()).insertTombstone(any(), any(), any());
    }

    @Test
    void aMessageWithOtherFiguresThanThePaymentOfItsTxNoIsNotThatPaymentsMessage() {
        when(mapper.selectById("tx")).thenReturn(row("success", "1", "10.00"));

        assertThat(ledger.settle("tx", "1", new BigDecimal("900.00"))).isEqualTo(Fate.ROLLED_BACK);
        assertThat(ledger.settle("tx", "2", AMOUNT)).isEqualTo(Fate.ROLLED_BACK);
        assertThat(ledger.settle("tx", "1", new BigDecimal("10.0")))
                .as("same amount, other scale")
                .isEqualTo(Fate.COMMITTED);
    }

    @Test
    void settleReadsCommittedDataSoItsReReadSeesALocalTransactionThatCommittedWhileItWaited() throws Exception {
        Transactional settle = PaymentLedger.class
                .getMethod("settle", String.class, String.class, BigDecimal.class)
                .getAnnotation(Transactional.class);

        assertThat(settle.isolation()).isEqualTo(Isolation.READ_COMMITTED);
    }

    private static Payment row(String result, String accountNo, String amount) {
        Payment payment = new Payment();
        payment.setTxNo("tx");
        payment.setResult(result);
        payment.setAccountNo(accountNo);
        payment.setPayAmount(new BigDecimal(amount));
        return payment;
    }
}
