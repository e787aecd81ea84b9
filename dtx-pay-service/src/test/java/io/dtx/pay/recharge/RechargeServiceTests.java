package io.dtx.pay.recharge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dtx.pay.halfmessage.HalfMessagePublisher;
import io.dtx.pay.payment.Payment;
import io.dtx.pay.payment.PaymentLedger;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Optional;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.junit.jupiter.api.Test;

class RechargeServiceTests {

    private final HalfMessagePublisher publisher = mock(HalfMessagePublisher.class);
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
    void whenNoSuccessfulRowCanBeReadBackThePaymentIsNotTaken() {
        when(publisher.publish(any())).thenReturn(LocalTransactionState.ROLLBACK_MESSAGE);
        when(ledger.find(any())).thenReturn(Optional.empty());

        assertThatThrownBy(() -> service.recharge(new RechargeRequest("1", new BigDecimal("10")), null))
                .isInstanceOf(PaymentNotTakenException.class);
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
