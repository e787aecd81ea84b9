package io.dtx.account.credit;

/** Which path credited a payment; kept with the dedup row so an audit can tell them apart. */
public enum AppliedBy {
    /** The RocketMQ message, the normal path. */
    MESSAGE,
    /** The notifier's signed HTTP callback (best-effort notification, scheme 2). */
    CALLBACK,
    /** {@code POST /accounts/recharges/{txNo}/pull}: someone asked for one payment. */
    PULL,
    /** The scheduled job that pages through the pay side's feed. */
    RECONCILIATION,
    /** The deep sweep, which compares both ledgers window by window. */
    SWEEP,
    /** A payment held in suspense (its account did not exist yet), credited once the account appeared. */
    SUSPENSE,
    /**
     * Not a credit: a payment held in suspense that a person returned to the payer. Its row
     * settles the txNo all the same, so no path can credit it afterwards; no balance moved.
     */
    RETURNED
}
