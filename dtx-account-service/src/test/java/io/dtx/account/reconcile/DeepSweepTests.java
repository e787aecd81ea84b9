package io.dtx.account.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.dtx.account.credit.AppliedBy;
import io.dtx.account.credit.CreditOutcome;
import io.dtx.account.credit.CreditService;
import io.dtx.account.credit.CreditWindow;
import io.dtx.account.payside.PayClient;
import io.dtx.account.suspense.Suspense;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sweep's decisions: which windows it looks into, when it splits, what it credits or alarms. */
class DeepSweepTests {

    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = FROM.plusSeconds(7200);

    private final PayClient pay = mock(PayClient.class);
    private final CreditService credits = mock(CreditService.class);
    private final Suspense suspense = mock(Suspense.class);
    private final CreditAlarm alarm = mock(CreditAlarm.class);
    private final NamedLock lock = mock(NamedLock.class);
    private final DeepSweep sweep = new DeepSweep(
            pay,
            credits,
            suspense,
            alarm,
            lock,
            new SimpleMeterRegistry(),
            Duration.ofHours(1),
            Duration.ofDays(7),
            Duration.ofMinutes(1));

    @BeforeEach
    @SuppressWarnings("unchecked")
    void theLockIsFree() {
        when(lock.runExclusively(any(), any(), any()))
                .thenAnswer(call -> ((Supplier<SweepReport>) call.getArgument(1)).get());
    }

    @Test
    void equalWindowsAreNotLookedInto() {
        when(pay.windows(FROM, TO, 3600)).thenReturn(List.of(payWindow(0, 2, "30.00", 77)));
        when(credits.windows(FROM, TO, 3600)).thenReturn(List.of(new CreditWindow(0, 2, new BigDecimal("30.0"), 77)));

        SweepReport report = sweep.sweep(FROM, TO);

        assertThat(report.differing()).isZero();
        verify(pay, never()).paid(any(), any(), any());
    }

    @Test
    void aMissingCreditIsFoundAndCreditedOnceByTheSweep() {
        when(pay.windows(FROM, TO, 3600)).thenReturn(List.of(payWindow(3600, 1, "4.00", 5)));
        when(credits.windows(FROM, TO, 3600)).thenReturn(List.of());
        when(pay.paid(FROM.plusSeconds(3600), TO, "")).thenReturn(List.of(item("tx-stalled")));
        when(suspense.creditOrHold(any(), eq(AppliedBy.SWEEP))).thenReturn(Optional.of(CreditOutcome.APPLIED));

        SweepReport report = sweep.sweep(FROM, TO);

        assertThat(report.differing()).isEqualTo(1);
        assertThat(report.credited()).isEqualTo(1);
    }

    @Test
    void aMissingAndAnExtraOfTheSameAmountDoNotCancelOutThanksToTheChecksum() {
        when(pay.windows(FROM, TO, 3600)).thenReturn(List.of(payWindow(0, 1, "4.00", 111)));
        when(credits.windows(FROM, TO, 3600)).thenReturn(List.of(new CreditWindow(0, 1, new BigDecimal("4.00"), 222)));
        when(pay.paid(any(), any(), eq(""))).thenReturn(List.of(item("tx-paid")));
        when(credits.creditedBetween(any(), any(), eq(""), anyInt())).thenReturn(List.of("tx-invented"));
        when(pay.payment("tx-invented")).thenReturn(Optional.empty());

        SweepReport report = sweep.sweep(FROM, TO);

        assertThat(report.alarms()).isEqualTo(1);
        verify(alarm).creditedWithoutPayment(eq("tx-invented"), any());
    }

    @Test
    void aLargeWindowThatDiffersIsSplitBeforeAnythingIsListed() {
        when(pay.windows(FROM, TO, 3600)).thenReturn(List.of(payWindow(0, 600, "600.00", 9)));
        when(credits.windows(FROM, TO, 3600)).thenReturn(List.of());
        when(pay.windows(FROM, FROM.plusSeconds(3600), 360)).thenReturn(List.of());
        when(credits.windows(FROM, FROM.plusSeconds(3600), 360)).thenReturn(List.of());

        sweep.sweep(FROM, TO);

        verify(pay).windows(FROM, FROM.plusSeconds(3600), 360);
        verify(pay, never()).paid(any(), any(), any());
    }

    @Test
    void aCreditWhosePaymentTimeFellIntoTheNextWindowIsNoAlarm() {
        when(pay.windows(any(), any(), anyLong())).thenReturn(List.of());
        when(credits.windows(FROM, TO, 3600)).thenReturn(List.of(new CreditWindow(0, 1, BigDecimal.ONE, 1)));
        when(credits.creditedBetween(any(), any(), eq(""), anyInt())).thenReturn(List.of("tx-edge"));
        when(pay.payment("tx-edge"))
                .thenReturn(Optional.of(
                        new PayClient.Payment("tx-edge", "1", BigDecimal.ONE, "SUCCESS", FROM.plusSeconds(3600))));

        assertThat(sweep.sweep(FROM, TO).alarms()).isZero();
    }

    @Test
    void aOneSecondWindowWithMorePaymentsThanAPageIsListedWhole() {
        Instant second = FROM;
        when(pay.windows(FROM, TO, 3600)).thenReturn(List.of(payWindow(0, 2, "8.00", 1)));
        when(credits.windows(FROM, TO, 3600)).thenReturn(List.of());
        when(pay.paid(FROM, FROM.plusSeconds(3600), "")).thenReturn(List.of(item("tx-a")));
        when(pay.paid(FROM, FROM.plusSeconds(3600), "tx-a")).thenReturn(List.of(item("tx-b")));
        when(pay.paid(FROM, FROM.plusSeconds(3600), "tx-b")).thenReturn(List.of());
        when(suspense.creditOrHold(any(), eq(AppliedBy.SWEEP))).thenReturn(Optional.of(CreditOutcome.APPLIED));

        assertThat(sweep.sweep(second, TO).credited()).as("the second page too").isEqualTo(2);
    }

    @Test
    void aRefundOwedForAPaymentThatWasCreditedNotReturnedRaisesTheAlarm() {
        when(pay.refunds(FROM, TO, "")).thenReturn(List.of("tx-returned", "tx-credited"));
        when(credits.settledBy("tx-returned")).thenReturn(Optional.of(AppliedBy.RETURNED));
        when(credits.settledBy("tx-credited")).thenReturn(Optional.of(AppliedBy.MESSAGE));

        assertThat(sweep.sweep(FROM, TO).alarms()).isEqualTo(1);
        verify(alarm).refundedWithoutReturn("tx-credited");
        verify(alarm, never()).refundedWithoutReturn("tx-returned");
    }

    private static PayClient.Window payWindow(long offsetSeconds, long payments, String amount, long checksum) {
        return new PayClient.Window(FROM.plusSeconds(offsetSeconds), payments, new BigDecimal(amount), checksum);
    }

    private static PayClient.FeedItem item(String txNo) {
        return new PayClient.FeedItem(1, txNo, "1", new BigDecimal("4.00"), "SUCCESS", FROM.plusSeconds(3700));
    }
}
