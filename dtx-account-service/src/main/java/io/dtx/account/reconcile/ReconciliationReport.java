package io.dtx.account.reconcile;

/**
 * What one reconciliation run did.
 *
 * @param ran            false when another instance held the lock and this run did nothing
 * @param pagesRead      feed pages fetched from the pay service
 * @param applied        payments credited by this run: each one a gap that the messages left
 * @param alreadyApplied successful payments found already credited
 * @param cursor         the feed cursor after the run
 */
public record ReconciliationReport(boolean ran, int pagesRead, int applied, int alreadyApplied, long cursor) {

    static ReconciliationReport skipped() {
        return new ReconciliationReport(false, 0, 0, 0, -1);
    }
}
