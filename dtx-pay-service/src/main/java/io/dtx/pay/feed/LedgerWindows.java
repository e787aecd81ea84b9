package io.dtx.pay.feed;

import io.dtx.pay.payment.PaymentLedger;
import io.dtx.pay.payment.WindowTotals;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The pay side's half of the account side's deep sweep: successful payments summed per time
 * window, and listed for a window that differs. The feed's cursor trusts that no local
 * transaction stays open longer than its overlap window; the sweep trusts nothing of the kind.
 * It compares both ledgers window by window, so a payment that committed late, behind the
 * cursor, is still found; its cost grows with the number of windows, and rows are listed only
 * where the two sides disagree.
 */
@Service
public class LedgerWindows {

    /** More windows than this in one call is a mistake of the caller, not a sweep. */
    static final int MAX_WINDOWS = 10_000;

    /** The most payments listed for one range; the sweep splits larger windows first. */
    static final int MAX_LISTED = 1_000;

    /** One window's successful payments: how many, how much, and a checksum of their txNos. */
    public record Window(Instant start, long payments, BigDecimal amount, long checksum) {}

    private final PaymentLedger ledger;

    LedgerWindows(PaymentLedger ledger) {
        this.ledger = ledger;
    }

    /** Only the windows that hold any payment; a window absent here holds none. */
    public List<Window> windows(Instant from, Instant to, long widthSeconds) {
        requireRange(from, to);
        if (widthSeconds < 1 || Duration.between(from, to).toSeconds() / widthSeconds >= MAX_WINDOWS) {
            throw new InvalidRangeException(
                    "width must be at least 1 s and give fewer than " + MAX_WINDOWS + " windows");
        }
        List<WindowTotals> totals = ledger.windows(utc(from), utc(to), widthSeconds);
        return totals.stream()
                .map(t ->
                        new Window(from.plusSeconds(t.index() * widthSeconds), t.payments(), t.amount(), t.checksum()))
                .toList();
    }

    /**
     * The successful payments written in {@code [from, to)} whose txNo sorts after {@code after}
     * (empty: from the first), by txNo, at most {@value #MAX_LISTED}: page on with the last txNo.
     */
    public List<FeedPage.FeedItem> paid(Instant from, Instant to, String after) {
        requireRange(from, to);
        return ledger.paidBetween(utc(from), utc(to), after, MAX_LISTED).stream()
                .map(ReconciliationFeed::item)
                .toList();
    }

    /** The txNos marked for refund in {@code [from, to)}, by txNo after {@code after}: one page. */
    public List<String> refunds(Instant from, Instant to, String after) {
        requireRange(from, to);
        return ledger.refundsBetween(utc(from), utc(to), after, MAX_LISTED);
    }

    private static void requireRange(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new InvalidRangeException("from must be before to");
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
