package io.dtx.account.reconcile;

import io.dtx.account.credit.AppliedBy;
import io.dtx.account.credit.CreditOutcome;
import io.dtx.account.credit.CreditService;
import io.dtx.account.credit.CreditWindow;
import io.dtx.account.payside.PayClient;
import io.dtx.account.suspense.Suspense;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The net under reconciliation's cursor. The cursor trusts that no local transaction on the pay
 * side stays open longer than the feed's overlap window; a GC pause, a stalled disk or a starved
 * CPU can break that, and a payment committing behind the cursor would be missed forever.
 *
 * <p>The sweep trusts nothing of the kind. It compares both ledgers window by window of payment
 * time: per window, the pay side's successful payments and this side's credits, counted, summed
 * and checksummed (the sum of CRC32 of their txNos). Only a window that differs is looked into:
 * split into smaller windows while it is large, listed payment by payment once it is small. So
 * its cost grows with the number of windows, and rows cross the network only where the ledgers
 * disagree. A paid payment without a credit is credited (path {@code SWEEP}); a credit without a
 * paid payment raises the alarm.
 */
@Service
public class DeepSweep {

    private static final Logger log = LoggerFactory.getLogger(DeepSweep.class);
    private static final String LOCK = "dtx-account-sweep";

    /** A window is listed payment by payment once it holds at most this many. */
    static final int LIST_LIMIT = 500;

    /** A window too large to list is split into this many. */
    static final int SPLIT = 10;

    /** Credits are read this many at a time. */
    private static final int PAGE = 1000;

    private final PayClient pay;
    private final CreditService credits;
    private final Suspense suspense;
    private final CreditAlarm alarm;
    private final NamedLock lock;
    private final MeterRegistry metrics;
    private final Duration width;
    private final Duration lookback;
    private final Duration margin;

    DeepSweep(
            PayClient pay,
            CreditService credits,
            Suspense suspense,
            CreditAlarm alarm,
            NamedLock lock,
            MeterRegistry metrics,
            @Value("${dtx.account.sweep.width:PT1H}") Duration width,
            @Value("${dtx.account.sweep.lookback:P7D}") Duration lookback,
            @Value("${dtx.account.sweep.margin:PT1M}") Duration margin) {
        this.pay = pay;
        this.credits = credits;
        this.suspense = suspense;
        this.alarm = alarm;
        this.lock = lock;
        this.metrics = metrics;
        this.width = width;
        this.lookback = lookback;
        this.margin = margin;
        // The pay side answers at most 10,000 windows at a time: a mistake here would fail every sweep.
        if (width.toSeconds() < 1 || lookback.toSeconds() / width.toSeconds() >= 10_000) {
            throw new IllegalStateException("dtx.account.sweep: width must be at least 1 s and lookback / width"
                    + " fewer than 10000 windows (now " + lookback + " / " + width + ")");
        }
    }

    /**
     * The recent past: from {@code lookback} ago to {@code margin} ago (payments younger than
     * that are still the messages' and the cursor's to deliver).
     */
    public SweepReport sweepRecent() {
        Instant now = Instant.now();
        return sweep(now.minus(lookback), now.minus(margin));
    }

    /** Compares both ledgers over {@code [from, to)}; one instance at a time. */
    public SweepReport sweep(Instant from, Instant to) {
        return lock.runExclusively(LOCK, () -> run(from, to), SweepReport.skipped(from, to));
    }

    private SweepReport run(Instant from, Instant to) {
        Tally tally = new Tally();
        compare(from, to, Math.max(1, width.toSeconds()), tally);
        checkRefunds(from, to, tally);
        if (tally.credited > 0 || tally.alarms > 0) {
            log.warn(
                    "Deep sweep over {} .. {} credited {} payment(s) no other path had; {} alarm(s)",
                    from,
                    to,
                    tally.credited,
                    tally.alarms);
        }
        return new SweepReport(
                true, from, to, tally.windows, tally.differing, tally.listed, tally.credited, tally.alarms);
    }

    private void compare(Instant from, Instant to, long widthSeconds, Tally tally) {
        Map<Instant, PayClient.Window> paid = pay.windows(from, to, widthSeconds).stream()
                .collect(Collectors.toMap(PayClient.Window::start, Function.identity()));
        Map<Instant, CreditWindow> credited = credits.windows(from, to, widthSeconds).stream()
                .collect(Collectors.toMap(w -> from.plusSeconds(w.index() * widthSeconds), Function.identity()));
        Set<Instant> starts = new TreeSet<>(paid.keySet());
        starts.addAll(credited.keySet());
        tally.windows += (int) Math.max(1, Duration.between(from, to).toSeconds() / widthSeconds);
        metrics.counter("dtx.account.sweep.windows").increment(starts.size());
        for (Instant start : starts) {
            PayClient.Window p = paid.get(start);
            if (!same(p, credited.get(start))) {
                tally.differing++;
                Instant end = start.plusSeconds(widthSeconds).isBefore(to) ? start.plusSeconds(widthSeconds) : to;
                lookInto(start, end, widthSeconds, p == null ? 0 : p.payments(), tally);
            }
        }
    }

    private void lookInto(Instant from, Instant to, long widthSeconds, long payments, Tally tally) {
        if (payments > LIST_LIMIT && widthSeconds > 1) {
            compare(from, to, Math.max(1, widthSeconds / SPLIT), tally);
            return;
        }
        Set<String> paidTxNos = new HashSet<>();
        List<PayClient.FeedItem> page = pay.paid(from, to, "");
        while (!page.isEmpty()) {
            tally.listed += page.size();
            for (PayClient.FeedItem item : page) {
                paidTxNos.add(item.txNo());
                if (!credits.isCredited(item.txNo()) && credit(item)) {
                    tally.credited++;
                }
            }
            // Page on by txNo: even a second with more payments than a page is listed whole.
            page = pay.paid(from, to, page.get(page.size() - 1).txNo());
        }
        alarmForCreditsWithoutPayment(from, to, paidTxNos, tally);
    }

    private void alarmForCreditsWithoutPayment(Instant from, Instant to, Set<String> paidTxNos, Tally tally) {
        List<String> credited = credits.creditedBetween(from, to, "", PAGE);
        while (!credited.isEmpty()) {
            for (String txNo : credited) {
                if (!paidTxNos.contains(txNo) && !paidElsewhere(txNo)) {
                    alarm.creditedWithoutPayment(txNo, "the pay side holds no successful payment for it");
                    tally.alarms++;
                }
            }
            credited = credited.size() < PAGE
                    ? List.of()
                    : credits.creditedBetween(from, to, credited.get(credited.size() - 1), PAGE);
        }
    }

    /**
     * Every refund the pay side owes must be a payment this side returned: a refund of a payment
     * that was credited pays the money out twice.
     */
    private void checkRefunds(Instant from, Instant to, Tally tally) {
        List<String> page = pay.refunds(from, to, "");
        while (!page.isEmpty()) {
            for (String txNo : page) {
                if (credits.settledBy(txNo).filter(AppliedBy.RETURNED::equals).isEmpty()) {
                    alarm.refundedWithoutReturn(txNo);
                    tally.alarms++;
                }
            }
            page = page.size() < PAGE ? List.of() : pay.refunds(from, to, page.get(page.size() - 1));
        }
    }

    /** A credit whose payment time fell into the next window (a message's time and its row's differ by ms). */
    private boolean paidElsewhere(String txNo) {
        return pay.payment(txNo).map(PayClient.Payment::succeeded).orElse(false);
    }

    private boolean credit(PayClient.FeedItem item) {
        boolean applied = suspense.creditOrHold(item.payment(), AppliedBy.SWEEP)
                .filter(CreditOutcome.APPLIED::equals)
                .isPresent();
        if (applied) {
            metrics.counter("dtx.account.sweep.credited").increment();
        }
        return applied;
    }

    private static boolean same(PayClient.Window paid, CreditWindow credited) {
        if (paid == null || credited == null) {
            return paid == null && credited == null;
        }
        return paid.payments() == credited.credits()
                && paid.amount().compareTo(credited.amount()) == 0
                && paid.checksum() == credited.checksum();
    }

    private static final class Tally {
        int windows;
        int differing;
        int listed;
        int credited;
        int alarms;
    }
}
