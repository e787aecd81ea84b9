package io.dtx.walkthrough.bench;

import io.dtx.walkthrough.probe.Http;
import io.dtx.walkthrough.stack.LocalStack;
import io.dtx.walkthrough.stack.Workspace;

/**
 * How many credits the account service committed in batches, from its own metric
 * ({@code dtx_account_credit_batch_size}: one sample per batch committed, of its size): shows
 * that a "batched" trial really batched, and how much.
 */
final class BatchMeter {

    private static final String SERIES = "dtx_account_credit_batch_size";

    private final Http http;
    private final Workspace workspace;

    BatchMeter(LocalStack stack, Workspace workspace) {
        this.http = new Http(stack.serviceToken());
        this.workspace = workspace;
    }

    /**
     * @param creditedTogether share of the credited recharges committed in a batch of two or more
     * @param meanBatch        payments per batch committed (0 if none was)
     */
    record Batches(double creditedTogether, double meanBatch) {

        String line() {
            return String.format("%.0f%% credited in batches (%.1f per batch)", 100 * creditedTogether, meanBatch);
        }
    }

    record Reading(double batches, double payments) {}

    Reading read() {
        String url = workspace.accountManagementUrl();
        return new Reading(http.metric(url, SERIES + "_count"), http.metric(url, SERIES + "_sum"));
    }

    Batches since(Reading before, long credited) {
        Reading now = read();
        double batches = now.batches() - before.batches();
        double payments = now.payments() - before.payments();
        return new Batches(
                Stats.round(payments / Math.max(1, credited)), Stats.round(batches == 0 ? 0 : payments / batches));
    }
}
