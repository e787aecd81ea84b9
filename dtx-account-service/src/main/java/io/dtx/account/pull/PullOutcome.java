package io.dtx.account.pull;

/** The answer of a pull. */
public enum PullOutcome {
    /** The pay side reported success and the balance was credited now. */
    APPLIED,
    /** Credited before (by the message, a pull or reconciliation). */
    ALREADY_APPLIED,
    /** The pay side has no payment with that txNo. */
    NOT_FOUND,
    /** The pay side knows the txNo but the payment did not succeed: nothing to credit. */
    FAILED_PAYMENT,
    /** Paid, but for an account that does not exist (yet): held in suspense, credited once it does. */
    HELD_IN_SUSPENSE
}
