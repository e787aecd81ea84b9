package io.dtx.account.credit;

/** What applying a payment did. */
public enum CreditOutcome {
    /** The balance was credited now. */
    APPLIED,
    /** The txNo was credited before (by any path); nothing changed. */
    ALREADY_APPLIED
}
