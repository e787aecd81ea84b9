package io.dtx.account.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
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
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.annotation.Transactional;

/**
 * The decisions of {@link CreditService#apply}. That two concurrent credits of one txNo end in one
 * balance change is the database's doing (the dedup key's lock), proven on a real database by the
 * system tests; this pins down what the service does with each answer.
 */
class CreditServiceTests {

    private static final RechargeSucceeded PAYMENT =
            new RechargeSucceeded("tx", "1", new BigDecimal("10.00"), Instant.parse("2026-01-01T00:00:00Z"));

    private final DedupMapper dedup = mock(DedupMapper.class);
    private final BalanceMapper balances = mock(BalanceMapper.class);
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final CreditService service =
            new CreditService(dedup, balances, metrics, new Journeys("test", Clock.systemUTC()));

    @Test
    void theTxNoIsClaimedBeforeTheBalanceMoves() {
        claimsSucceed();
        when(balances.addToBalance("1", PAYMENT.amount())).thenReturn(1);

        assertThat(service.apply(PAYMENT, AppliedBy.MESSAGE)).isEqualTo(CreditOutcome.APPLIED);

        InOrder order = inOrder(dedup, balances);
        order.verify(dedup).claim("tx", "1", PAYMENT.amount(), "MESSAGE", LocalDateTime.parse("2026-01-01T00:00"));
        order.verify(balances).addToBalance("1", PAYMENT.amount());
        assertThat(counted("message", "applied")).isEqualTo(1);
    }

    @Test
    void aTxNoCreditedBeforeLeavesTheBalanceAlone() {
        doThrow(new DuplicateKeyException("de_duplication.PRIMARY"))
                .when(dedup)
                .claim(any(), any(), any(), any(), any());

        assertThat(service.apply(PAYMENT, AppliedBy.RECONCILIATION)).isEqualTo(CreditOutcome.ALREADY_APPLIED);

        verify(balances, never()).addToBalance(any(), any());
        assertThat(counted("reconciliation", "already_applied")).isEqualTo(1);
    }

    @Test
    void anUnknownAccountThrowsSoThatItsTransactionRollsTheClaimBack() {
        claimsSucceed();
        when(balances.addToBalance("1", PAYMENT.amount())).thenReturn(0);

        assertThatThrownBy(() -> service.apply(PAYMENT, AppliedBy.PULL)).isInstanceOf(UnknownAccountException.class);
        assertThat(counted("pull", "applied")).isZero();
    }

    @Test
    void aClaimRefusedByTheHorizonOfAPaymentWithoutARowIsKeptNotCredited() {
        // claim() wrote nothing (0 rows: paid before the horizon), and no row proves it credited.
        when(dedup.horizon()).thenReturn(LocalDateTime.parse("2026-02-01T00:00"));
        assertThatThrownBy(() -> service.apply(PAYMENT, AppliedBy.MESSAGE)).isInstanceOf(PastRetentionException.class);

        verify(balances, never()).addToBalance(any(), any());
        assertThat(counted("message", "past_retention")).isEqualTo(1);
    }

    @Test
    void aClaimRefusedByTheHorizonOfAPaymentWhoseRowIsStillThereIsAlreadyApplied() {
        when(dedup.isClaimed("tx")).thenReturn(true);

        assertThat(service.apply(PAYMENT, AppliedBy.MESSAGE)).isEqualTo(CreditOutcome.ALREADY_APPLIED);
        verify(balances, never()).addToBalance(any(), any());
    }

    @Test
    void withoutAHorizonRowNothingIsCreditedAndTheCreditIsRetriedNotKeptAway() {
        assertThatThrownBy(() -> service.apply(PAYMENT, AppliedBy.MESSAGE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dedup_horizon");
        assertThat(counted("message", "past_retention")).isZero();
    }

    @Test
    void aReturnRefusedByTheHorizonIsRefusedToo() {
        when(dedup.horizon()).thenReturn(LocalDateTime.parse("2026-02-01T00:00"));
        assertThatThrownBy(() -> service.settleAsReturned(PAYMENT)).isInstanceOf(PastRetentionException.class);
    }

    @Test
    void theClaimAndTheBalanceAreOneLocalTransaction() throws Exception {
        Transactional apply = CreditService.class
                .getMethod("apply", RechargeSucceeded.class, AppliedBy.class)
                .getAnnotation(Transactional.class);

        assertThat(apply)
                .as("without it, a failed balance update would leave the txNo claimed")
                .isNotNull();
    }

    private void claimsSucceed() {
        when(dedup.claim(any(), any(), any(), any(), any())).thenReturn(1);
    }

    private double counted(String path, String outcome) {
        return metrics.counter("dtx.account.credits", "path", path, "outcome", outcome)
                .count();
    }
}
