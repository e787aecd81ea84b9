package io.dtx.pay.halfmessage;

/**
 * Called after a payment's local transaction committed and before the broker is told COMMIT:
 * the exact moment at which a crash leaves a half message for the check-back to settle. The
 * default does nothing; the fault tests and the walkthrough hook in here to fail at that moment.
 */
@FunctionalInterface
public interface LocalCommitHook {

    void afterLocalCommit(String txNo, String accountNo);
}
