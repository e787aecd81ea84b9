package io.dtx.account.reconcile;

import io.dtx.account.credit.AppliedBy;
import io.dtx.account.credit.CreditOutcome;
import io.dtx.account.credit.CreditService;
import io.dtx.account.payside.PayClient;
import io.dtx.account.suspense.Suspense;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Closes every gap the messages left, without a person: pages through the pay side's feed from
 * a cursor kept in {@code bank1} and credits each successful payment that has no dedup row yet,
 * through the same {@link CreditService#apply} as a message.
 *
 * <p>Only one instance runs at a time ({@link NamedLock}). The cursor trusts that no payment
 * commits later than the feed's overlap window after it was written; {@link DeepSweep} is the net
 * under that trust.
 */
@Service
public class ReconciliationService {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationService.class);
    static final String CURSOR = "pay-feed";
    private static final String LOCK = "dtx-account-reconciliation";

    private final PayClient pay;
    private final CreditService credits;
    private final Suspense suspense;
    private final ReconcileCursor cursors;
    private final NamedLock lock;
    private final CreditAlarm alarm;
    private final MeterRegistry metrics;
    private final int pageSize;
    private final int maxPages;
    private final AtomicLong lagSeconds = new AtomicLong();

    ReconciliationService(
            PayClient pay,
            CreditService credits,
            Suspense suspense,
            ReconcileCursor cursors,
            NamedLock lock,
            CreditAlarm alarm,
            MeterRegistry metrics,
            @Value("${dtx.account.reconcile.page-size:200}") int pageSize,
            @Value("${dtx.account.reconcile.max-pages-per-run:50}") int maxPages) {
        this.pay = pay;
        this.credits = credits;
        this.suspense = suspense;
        this.cursors = cursors;
        this.lock = lock;
        this.alarm = alarm;
        this.metrics = metrics;
        this.pageSize = pageSize;
        this.maxPages = maxPages;
        metrics.gauge("dtx.account.reconcile.lag.seconds", lagSeconds);
    }

    public ReconciliationReport runOnce() {
        return lock.runExclusively(LOCK, this::readFeed, ReconciliationReport.skipped());
    }

    private ReconciliationReport readFeed() {
        long after = cursors.load(CURSOR);
        int pages = 0;
        int applied = 0;
        int alreadyApplied = 0;
        while (pages < maxPages) {
            PayClient.FeedPage page = pay.feed(after, pageSize);
            pages++;
            metrics.counter("dtx.account.reconcile.pages").increment();
            for (PayClient.FeedItem item : page.items()) {
                if (!item.succeeded()) {
                    alarmIfCredited(item);
                } else if (credits.isCredited(item.txNo())) {
                    alreadyApplied++;
                } else if (apply(item)) {
                    applied++;
                }
                if (item.seq() == page.nextAfter()) {
                    lagSeconds.set(
                            Duration.between(item.createdAt(), Instant.now()).toSeconds());
                }
            }
            if (page.nextAfter() != after) {
                cursors.save(CURSOR, page.nextAfter());
            }
            // Stop at the end of the feed, or where the cursor cannot move yet (overlap window).
            if (!page.hasMore() || page.nextAfter() == after) {
                after = page.nextAfter();
                break;
            }
            after = page.nextAfter();
        }
        if (applied > 0) {
            log.warn("Reconciliation credited {} payment(s) that no message had delivered", applied);
        }
        return new ReconciliationReport(true, pages, applied, alreadyApplied, after);
    }

    private void alarmIfCredited(PayClient.FeedItem item) {
        if (credits.isCredited(item.txNo())) {
            alarm.creditedWithoutPayment(item.txNo(), "the pay side rolled this payment back");
        }
    }

    private boolean apply(PayClient.FeedItem item) {
        MDC.put("txNo", item.txNo());
        try {
            boolean applied = suspense.creditOrHold(item.payment(), AppliedBy.RECONCILIATION)
                    .filter(CreditOutcome.APPLIED::equals)
                    .isPresent();
            if (applied) {
                metrics.counter("dtx.account.reconcile.applied").increment();
            }
            return applied;
        } finally {
            MDC.remove("txNo");
        }
    }
}
