package io.dtx.pay.feed;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /pay/recharges?after=&limit=}: every payment in {@code seq} order, for the account
 * side's reconciliation. Internal: only callers with the service token (see {@code WebFilters}).
 */
@RestController
class FeedController {

    private final ReconciliationFeed feed;

    FeedController(ReconciliationFeed feed) {
        this.feed = feed;
    }

    @GetMapping(path = "/pay/recharges", produces = MediaType.APPLICATION_JSON_VALUE)
    FeedPage feed(
            @RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return feed.page(after, limit);
    }
}
