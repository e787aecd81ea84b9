package io.dtx.account.credit;

import java.time.Instant;

/**
 * The payment was paid before the dedup table's horizon (or carries no payment time), and its
 * txNo is not in the table: it may have been credited once and its row removed since. Nothing was
 * written; a person must look at the archived record. Retrying can never succeed.
 */
public class PastRetentionException extends RuntimeException {

    PastRetentionException(String txNo, Instant paidAt, Instant horizon) {
        super("Payment " + txNo + " paid at " + paidAt + ", before the dedup retention's horizon " + horizon
                + ": cannot prove it was never credited.");
    }
}
