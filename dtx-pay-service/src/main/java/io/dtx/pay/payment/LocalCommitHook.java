package io.dtx.pay.payment;

/**
 * Called right after a payment's local transaction committed and before anything tells the
 * broker: with the half message, before the broker hears COMMIT (the check-back must settle it);
 * with the local message table, before the first send (the relay must deliver it). The exact
 * moment at which a crash tests each pattern. The default does nothing; the fault tests and the
 * walkthrough's lab profile hook in here to fail or pause at that moment.
 */
@FunctionalInterface
public interface LocalCommitHook {

    void afterLocalCommit(String txNo, String accountNo);
}
