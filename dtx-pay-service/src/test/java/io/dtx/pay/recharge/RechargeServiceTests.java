package io.dtx.pay.recharge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dtx.pay.payment.Payment;
import io.dtx.pay.payment.PaymentLedger;
import io.dtx.pay.payment.PaymentLedger.Fate;
import io.dtx.pay.payment.PaymentPublisher;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

class RechargeServiceTests {

    private final PaymentPublisher publisher = mock(PaymentPublisher.class);
    private final PaymentLedger ledger = mock(PaymentLedger.class);
    private final RechargeService service = new RechargeService(publisher, ledger);

    @Test
    void requestHashTellsBodiesApartButNotScales() {
        assertThat(RechargeService.hash("1", new BigDecimal("10.00")))
                .isEqualTo(RechargeService.hash("1", new BigDecimal("10.00")));
        assertThat(RechargeService.hash("1", new BigDecimal("10.00")))
                .isNotEqualTo(RechargeService.hash("1", new BigDecimal("10.01")));
        assertThat(RechargeService.hash("1", new BigDecimal("10.00")))
                .isNotEqualTo(RechargeService.hash("10", new BigDecimal("0.00")));
    }

    @Test
    void aKnownKeyWithTheSameBodyReplaysTheFirstPaymentWithoutPublishing() {
        Payment first = payment("tx-1", RechargeService.hash("1", new BigDecimal("10.00")));
        when(ledger.findByIdempotencyKey("1", "k")).thenReturn(Optional.of(first));

        RechargeService.Outcome outcome = service.recharge(new RechargeRequest("1", new BigDecimal("10")), "k");

        assertThat(outcome.replayed()).isTrue();
        assertThat(outcome.payment().txNo()).isEqualTo("tx-1");
        verify(publisher, never()).publish(any());
    }

    @Test
    void aKnownKeyWithAnotherBodyIsRefused() {
        when(ledger.findByIdempotencyKey("1", "k")).thenReturn(Optional.of(payment("tx-1", "another hash")));

        assertThatThrownBy(() -> service.recharge(new RechargeRequest("1", new BigDecimal("10")), "k"))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        verify(publisher, never()).publish(any());
    }

    @Test
    void aCommittedLocalTransactionIsTakenEvenIfTheRowCannotBeReadBackRightNow() {
        when(publisher.publish(any())).thenReturn(true);
        when(ledger.find(any())).thenThrow(new DataAccessResourceFailureException("connection lost"));

        RechargeService.Outcome outcome = service.recharge(new RechargeRequest("1", new BigDecimal("10")), null);

        assertThat(outcome.payment().amount()).isEqualByComparingTo("10.00");
        verify(ledger, never()).settle(any(), any(), any());
    }

    @Test
    void aRolledBackPaymentIsNotTakenOnlyOnceTheLedgerSaysSo() {
        when(publisher.publish(any())).thenReturn(false);
        when(ledger.settle(any(), eq("1"), any())).thenReturn(Fate.ROLLED_BACK);

        assertThatThrownBy(() -> service.recharge(new RechargeRequest("1", new BigDecimal("10")), null))
                .isInstanceOf(PaymentNotTakenException.class);
        verify(ledger).settle(any(), eq("1"), eq(new BigDecimal("10.00")));
    }

    @Test
    void anUnknownLocalTransactionThatDidCommitIsTaken() {
        when(publisher.publish(any())).thenReturn(false);
        when(ledger.settle(any(), any(), any())).thenReturn(Fate.COMMITTED);
        when(ledger.find(any())).thenReturn(Optional.of(payment("tx-9", "h")));

        assertThat(service.recharge(new RechargeRequest("1", new BigDecimal("10")), null)
                        .replayed())
                .isFalse();
    }

    @Test
    void whenTheLedgerCannotBeAskedTheOutcomeIsUnknownNeverNotTakenAndTheAdviceFitsTheRequest() {
        when(publisher.publish(any())).thenReturn(false);
        when(ledger.settle(any(), any(), any())).thenThrow(new DataAccessResourceFailureException("down"));

        assertThatThrownBy(() -> service.recharge(new RechargeRequest("1", new BigDecimal("10")), "k"))
                .isInstanceOf(PaymentOutcomeUnknownException.class)
                .hasMessageContaining("same Idempotency-Key");
        assertThatThrownBy(() -> service.recharge(new RechargeRequest("1", new BigDecimal("10")), null))
                .as("without a key a retry would pay twice: never advise one")
                .isInstanceOf(PaymentOutcomeUnknownException.class)
                .hasMessageContaining("a retry would be a second payment")
                .hasMessageNotContaining("retry this request");
    }

    @Test
    void theLoserOfARaceOnOneKeyGetsTheWinnersPayment() {
        Payment winner = payment("tx-winner", RechargeService.hash("1", new BigDecimal("10.00")));
        when(ledger.findByIdempotencyKey("1", "k")).thenReturn(Optional.empty(), Optional.of(winner));
        when(publisher.publish(any())).thenReturn(false);
        when(ledger.settle(any(), any(), any())).thenReturn(Fate.ROLLED_BACK);

        RechargeService.Outcome outcome = service.recharge(new RechargeRequest("1", new BigDecimal("10")), "k");

        assertThat(outcome.payment().txNo()).isEqualTo("tx-winner");
        assertThat(outcome.replayed()).isTrue();
    }

    private static Payment payment(String txNo, String requestHash) {
        Payment payment = new Payment();
        payment.setTxNo(txNo);
        payment.setAccountNo("1");
        payment.setPayAmount(new BigDecimal("10.00"));
        payment.setResult("success");
        payment.setRequestHash(requestHash);
        payment.setCreatedAt(LocalDateTime.parse("2026-01-01T00:00:00"));
        return payment;
    }
}
