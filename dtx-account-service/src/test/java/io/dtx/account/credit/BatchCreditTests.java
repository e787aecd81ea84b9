package io.dtx.account.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dtx.contract.RechargeSucceeded;
import io.dtx.web.journey.Journeys;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The decisions of {@link CreditService#applyAll}: all first credits in one transaction, or nothing. */
class BatchCreditTests {

    private static final Instant PAID = Instant.parse("2026-01-01T00:00:00Z");
    private static final RechargeSucceeded C = payment("c", "acct-2", "1.00");
    private static final RechargeSucceeded A = payment("a", "acct-2", "2.50");
    private static final RechargeSucceeded B = payment("b", "acct-1", "4.00");

    private final DedupMapper dedup = mock(DedupMapper.class);
    private final BalanceMapper balances = mock(BalanceMapper.class);
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final CreditService service =
            new CreditService(dedup, balances, metrics, new Journeys("test", Clock.systemUTC()));

    @Test
    void everyClaimComesFirstInTxNoOrderThenOneUpdatePerAccountInAccountOrder() {
        when(dedup.claim(any(), any(), any(), any(), any())).thenReturn(1);
        when(balances.addToBalance(any(), any())).thenReturn(1);

        service.applyAll(List.of(C, A, B), AppliedBy.MESSAGE);

        InOrder order = inOrder(dedup, balances);
        order.verify(dedup).claim(eq("a"), any(), any(), any(), any());
        order.verify(dedup).claim(eq("b"), any(), any(), any(), any());
        order.verify(dedup).claim(eq("c"), any(), any(), any(), any());
        order.verify(balances).addToBalance("acct-1", new BigDecimal("4.00"));
        order.verify(balances).addToBalance("acct-2", new BigDecimal("3.50"));
        assertThat(metrics.counter("dtx.account.credits", "path", "message", "outcome", "applied")
                        .count())
                .isEqualTo(3);
        assertThat(metrics.summary("dtx.account.credit.batch.size").totalAmount())
                .isEqualTo(3);
    }

    @Test
    void theBatchIsCountedOnlyOnceItsTransactionCommitted() {
        when(dedup.claim(any(), any(), any(), any(), any())).thenReturn(1);
        when(balances.addToBalance(any(), any())).thenReturn(1);
        TransactionSynchronizationManager.initSynchronization();
        try {
            service.applyAll(List.of(A, B), AppliedBy.MESSAGE);
            assertThat(metrics.summary("dtx.account.credit.batch.size").count()).isZero();

            TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(metrics.summary("dtx.account.credit.batch.size").count()).isEqualTo(1);
        assertThat(metrics.counter("dtx.account.credits", "path", "message", "outcome", "applied")
                        .count())
                .isEqualTo(2);
    }

    @Test
    void aPaymentCreditedBeforeStopsTheBatchBeforeAnyBalanceMoves() {
        when(dedup.claim(eq("a"), any(), any(), any(), any())).thenReturn(1);
        doThrow(new DuplicateKeyException("de_duplication.PRIMARY"))
                .when(dedup)
                .claim(eq("b"), any(), any(), any(), any());

        assertThatThrownBy(() -> service.applyAll(List.of(A, B, C), AppliedBy.MESSAGE))
                .isInstanceOf(NotAllFirstCreditsException.class)
                .hasMessageContaining("b was settled before");
        verify(balances, never()).addToBalance(any(), any());
        assertThat(metrics.summary("dtx.account.credit.batch.size").count()).isZero();
    }

    @Test
    void aClaimRefusedByTheHorizonOrAnUnknownAccountStopTheBatchToo() {
        when(dedup.claim(any(), any(), any(), any(), any())).thenReturn(1);
        when(dedup.claim(eq("c"), any(), any(), any(), any())).thenReturn(0);
        assertThatThrownBy(() -> service.applyAll(List.of(A, C), AppliedBy.MESSAGE))
                .isInstanceOf(NotAllFirstCreditsException.class);

        when(dedup.claim(eq("c"), any(), any(), any(), any())).thenReturn(1);
        when(balances.addToBalance(eq("acct-1"), any())).thenReturn(0);
        assertThatThrownBy(() -> service.applyAll(List.of(A, B), AppliedBy.MESSAGE))
                .isInstanceOf(NotAllFirstCreditsException.class)
                .hasMessageContaining("no account acct-1");
    }

    @Test
    void theBatchIsOneLocalTransaction() throws Exception {
        Transactional applyAll = CreditService.class
                .getMethod("applyAll", List.class, AppliedBy.class)
                .getAnnotation(Transactional.class);

        assertThat(applyAll)
                .as("without it, a failed claim would leave the others claimed and credited")
                .isNotNull();
    }

    private static RechargeSucceeded payment(String txNo, String accountNo, String amount) {
        return new RechargeSucceeded(txNo, accountNo, new BigDecimal(amount), PAID);
    }
}
