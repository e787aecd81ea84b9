package io.dtx.account.credit;

import java.time.Instant;

/**
 * The payment was paid before the dedup table's horizon (or carries no payment time once rows have
 * been removed), and its txNo is not in the table: it may have been credited once and its row
 * removed since. Nothing was written. Retrying can never succeed: a person decides, from the
 * bank's own archive of the table (the retention removes rows; keep them elsewhere first).
 */
public class PastRetentionException extends RuntimeException {

    PastRetentionException(String txNo, Instant paidAt, Object horizon) {
        super("Payment " + txNo + " paid at " + paidAt + ", before the dedup table's horizon " + horizon
                + " (plus a day): cannot prove it was never credited.");
    }
}
