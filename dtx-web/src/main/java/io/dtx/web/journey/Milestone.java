package io.dtx.web.journey;

/**
 * The moments of a payment's journey that a service can see, each named once so that every
 * service tells them alike and the learners' console can tell which one is missing. A new
 * publisher or path adds its moments here; the console shows any it does not know by its label.
 */
public enum Milestone {
    HALF_MESSAGE_STORED("half message stored on the broker (invisible to consumers)"),
    LOCAL_COMMIT("local transaction committed"),
    COMMIT_SENT("COMMIT answered (sent one-way: the broker may still miss it)"),
    ROLLBACK_SENT("ROLLBACK sent to the broker"),
    LEFT_TO_CHECK_BACK("no answer sent: left to the broker's check-back"),
    CHECK_BACK("check-back asked and answered"),
    OUTBOX_SENT("mq_notify row sent to the broker"),
    OUTBOX_SEND_FAILED("mq_notify row not sent; retried later"),
    RELAYED_FROM_BINLOG("published from the binlog by the relay"),
    KEPT_BY_RELAY("kept by the relay for a person: not routable"),
    DELIVERED("message delivered to the account service"),
    CREDITED("credited"),
    DUPLICATE_REFUSED("refused as a duplicate by the dedup key"),
    POISON("set aside as poison, nothing credited"),
    NOTIFICATION_ATTEMPT("notification attempt"),
    NOTIFICATION_GIVEN_UP("notifications given up");

    private final String label;

    Milestone(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
