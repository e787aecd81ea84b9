package io.dtx.walkthrough.chaos;

import io.dtx.walkthrough.probe.Databases;

/**
 * Scheme 2's own verdict in {@code ./dtx chaos --notify}, read from the databases: did every
 * successful payment reach the account service by the notifier's callback, once the faults were
 * over? (That each was credited exactly once, the main {@link Verdict} says.)
 *
 * @param notifications     notifications the notifier opened (forged messages' included)
 * @param delivered         of the successful payments, those whose callback was acknowledged
 * @param undelivered       successful payments whose notification is still pending or gave up
 * @param withoutNotification successful payments the notifier never heard of
 * @param creditedByCallback credits applied by a callback (the rest: reconciliation, pull, suspense)
 */
record NotifyVerdict(
        long notifications, long delivered, long undelivered, long withoutNotification, long creditedByCallback) {

    /** Every payment delivered, and the callbacks really did credit (not reconciliation alone). */
    boolean holds() {
        return undelivered == 0 && withoutNotification == 0 && creditedByCallback > 0;
    }

    /** What convergence waits for in notify mode, besides every credit. */
    static long notYetDelivered(Databases db) {
        return db.scalar("bank1_pay", "SELECT COUNT(*) " + NOT_DELIVERED, Long.class);
    }

    static NotifyVerdict of(Databases db) {
        return new NotifyVerdict(
                db.scalar("dtx_notify", "SELECT COUNT(*) FROM notification", Long.class),
                payments(db, "EXISTS", ACKNOWLEDGED),
                payments(db, "EXISTS", "NOT (" + ACKNOWLEDGED + ")"),
                payments(db, "NOT EXISTS", "TRUE"),
                db.scalar("bank1", "SELECT COUNT(*) FROM de_duplication WHERE applied_by = 'CALLBACK'", Long.class));
    }

    /** Successful payments for which a notification in that state exists (or not). */
    private static long payments(Databases db, String exists, String state) {
        return db.scalar(
                "bank1_pay",
                "SELECT COUNT(*) FROM account_pay p WHERE p.result = 'success' AND " + exists
                        + " (SELECT 1 FROM dtx_notify.notification n WHERE n.tx_no = p.id AND " + state + ")",
                Long.class);
    }

    /**
     * Delivered, and the delivery log of its current round holds the acknowledged attempt: a status
     * alone is the notifier's word, the attempt row is the receiver's answer written down.
     */
    private static final String ACKNOWLEDGED = "n.status = 'delivered' AND EXISTS (SELECT 1 FROM"
            + " dtx_notify.delivery_attempt a WHERE a.notification_id = n.id AND a.round = n.round"
            + " AND a.outcome = 'acknowledged')";

    private static final String NOT_DELIVERED = "FROM account_pay p WHERE p.result = 'success' AND NOT EXISTS"
            + " (SELECT 1 FROM dtx_notify.notification n WHERE n.tx_no = p.id AND " + ACKNOWLEDGED + ")";
}
