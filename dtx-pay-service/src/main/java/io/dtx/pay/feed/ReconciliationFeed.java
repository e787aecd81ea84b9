package io.dtx.pay.feed;

import io.dtx.pay.payment.Payment;
import io.dtx.pay.payment.PaymentLedger;
import io.dtx.pay.payment.PaymentResult;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pages through all payments in {@code seq} order for the account side's reconciliation.
 *
 * <p>The trap: {@code seq} is handed out when a row is inserted, but rows become visible when
 * their transaction commits, which can be in another order. A reader that saw seq 11 and moved
 * its cursor past it could miss seq 10, committing a moment later, forever.
 *
 * <p>The cure is an overlap window. The cursor only moves past rows older than the window (by the
 * database's clock); younger rows are returned but read again on the next call. As no local
 * transaction can stay open that long (they time out after 5 s, see {@link PaymentLedger#recordSucceeded}), every
 * row below the cursor has committed or never will. Rows read twice are harmless: applying a
 * payment is idempotent on the account side.
 */
@Service
public class ReconciliationFeed {

    private final PaymentLedger payments;
    private final Duration overlap;

    ReconciliationFeed(PaymentLedger payments, @Value("${dtx.pay.feed.overlap:PT30S}") Duration overlap) {
        this.payments = payments;
        this.overlap = overlap;
    }

    @Transactional(readOnly = true)
    public FeedPage page(long after, int limit) {
        LocalDateTime settledBefore = payments.databaseNow().minus(overlap);
        List<Payment> rows = payments.page(after, limit);
        List<FeedPage.FeedItem> items =
                rows.stream().map(ReconciliationFeed::item).toList();
        long next = nextAfter(after, items, settledBefore.toInstant(ZoneOffset.UTC));
        return new FeedPage(items, next, rows.size() == limit);
    }

    static FeedPage.FeedItem item(Payment p) {
        return new FeedPage.FeedItem(
                p.getSeq(),
                p.getTxNo(),
                p.getAccountNo(),
                p.getPayAmount(),
                PaymentResult.fromCode(p.getResult()),
                p.getCreatedAt().toInstant(ZoneOffset.UTC));
    }

    /**
     * The cursor moves to the last item of the leading run of settled items (older than the
     * window) and stops at the first young one: a slower transaction could still commit a row
     * just below that one.
     */
    static long nextAfter(long after, List<FeedPage.FeedItem> items, Instant settledBefore) {
        long next = after;
        for (FeedPage.FeedItem item : items) {
            if (item.createdAt().isAfter(settledBefore)) {
                break;
            }
            next = item.seq();
        }
        return next;
    }
}
