package io.dtx.pay.feed;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The account side's way into the pay ledger for reconciliation: {@code GET /pay/recharges?after=&limit=}
 * (every payment in {@code seq} order) and the deep sweep's windows. Internal: only callers with
 * the service token (see {@code WebFilters}).
 */
@RestController
class FeedController {

    private final ReconciliationFeed feed;
    private final LedgerWindows windows;

    FeedController(ReconciliationFeed feed, LedgerWindows windows) {
        this.feed = feed;
        this.windows = windows;
    }

    @GetMapping(path = "/pay/recharges", produces = MediaType.APPLICATION_JSON_VALUE)
    FeedPage feed(
            @RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return feed.page(after, limit);
    }

    /** {@code GET /pay/recharges/windows?from=&to=&widthSeconds=}: the deep sweep's totals per window. */
    @GetMapping(path = "/pay/recharges/windows", produces = MediaType.APPLICATION_JSON_VALUE)
    List<LedgerWindows.Window> windows(
            @RequestParam Instant from, @RequestParam Instant to, @RequestParam long widthSeconds) {
        return windows.windows(from, to, widthSeconds);
    }

    /**
     * {@code GET /pay/recharges/refunds?from=&to=}: the refunds this side owes, so the sweep can
     * check that each is a payment the account side really returned.
     */
    @GetMapping(path = "/pay/recharges/refunds", produces = MediaType.APPLICATION_JSON_VALUE)
    List<String> refunds(
            @RequestParam Instant from, @RequestParam Instant to, @RequestParam(defaultValue = "") String after) {
        return windows.refunds(from, to, after);
    }

    /** {@code GET /pay/recharges/paid?from=&to=}: the successful payments of a window that differs. */
    @GetMapping(path = "/pay/recharges/paid", produces = MediaType.APPLICATION_JSON_VALUE)
    List<FeedPage.FeedItem> paid(
            @RequestParam Instant from, @RequestParam Instant to, @RequestParam(defaultValue = "") String after) {
        return windows.paid(from, to, after);
    }
}
