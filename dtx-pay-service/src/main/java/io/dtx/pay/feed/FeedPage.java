package io.dtx.pay.feed;

import io.dtx.pay.payment.PaymentResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One page of the reconciliation feed.
 *
 * @param items     payments with {@code seq > after}, in seq order (successful and rolled back)
 * @param nextAfter the cursor for the next call; it may stay behind the last item, see
 *                  {@link ReconciliationFeed}
 * @param hasMore   whether a full page was returned, so reading on may find more now
 */
public record FeedPage(List<FeedItem> items, long nextAfter, boolean hasMore) {

    /** A payment with its position in the feed. */
    public record FeedItem(
            long seq, String txNo, String accountNo, BigDecimal amount, PaymentResult result, Instant createdAt) {}
}
