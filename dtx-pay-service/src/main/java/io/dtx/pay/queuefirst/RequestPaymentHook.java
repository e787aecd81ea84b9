package io.dtx.pay.queuefirst;

/**
 * Called inside the paying transaction, after its rows are written and before it commits: the
 * moment at which a crash tests the consumer (the transaction rolls back, the broker redelivers,
 * the request is paid once). The default does nothing; the fault tests hook in here.
 */
@FunctionalInterface
public interface RequestPaymentHook {

    void beforeCommit(String requestId, String accountNo);
}
