package io.dtx.pay.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.dtx.pay.payment.PaymentResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconciliationFeedTests {

    private static final Instant SETTLED_BEFORE = Instant.parse("2026-01-01T00:00:30Z");
    private static final Instant OLD = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant YOUNG = Instant.parse("2026-01-01T00:00:31Z");

    @Test
    void cursorMovesToTheLastSettledItem() {
        assertThat(ReconciliationFeed.nextAfter(10, List.of(item(11, OLD), item(12, OLD)), SETTLED_BEFORE))
                .isEqualTo(12);
    }

    @Test
    void cursorStopsBeforeTheFirstYoungItemEvenIfOlderOnesFollow() {
        // seq 13 committed before seq 12 finished: 12 is young, so 13 must be read again later.
        List<FeedPage.FeedItem> items = List.of(item(11, OLD), item(12, YOUNG), item(13, OLD));

        assertThat(ReconciliationFeed.nextAfter(10, items, SETTLED_BEFORE)).isEqualTo(11);
    }

    @Test
    void cursorStaysWhenEverythingIsYoungOrThereIsNothing() {
        assertThat(ReconciliationFeed.nextAfter(10, List.of(item(11, YOUNG)), SETTLED_BEFORE))
                .isEqualTo(10);
        assertThat(ReconciliationFeed.nextAfter(10, List.of(), SETTLED_BEFORE)).isEqualTo(10);
    }

    private static FeedPage.FeedItem item(long seq, Instant createdAt) {
        return new FeedPage.FeedItem(seq, "tx-" + seq, "1", BigDecimal.ONE, PaymentResult.SUCCESS, createdAt);
    }
}
