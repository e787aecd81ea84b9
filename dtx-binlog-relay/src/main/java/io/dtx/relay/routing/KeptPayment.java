package io.dtx.relay.routing;

import io.dtx.contract.MessageSigning.Signature;
import io.dtx.relay.binlog.PaymentRow;
import java.time.Instant;

/**
 * A row of the exception table, {@code dtx_relay.relay_exception}: a payment kept back because
 * no environment could be named for it.
 *
 * @param environment named by a person, or found by compensation; null while nobody knows
 * @param routedBy    {@code compensation} or {@code person}, once published
 * @param seal        the relay's seal on the row ({@link RowSeal}); null on a row it did not write
 */
public record KeptPayment(
        PaymentRow payment,
        long threadId,
        String user,
        String reason,
        String status,
        String environment,
        String routedBy,
        int attempts,
        Instant createdAt,
        Signature seal) {

    public static final String OPEN = "open";
    public static final String PUBLISHED = "published";
    /** Did not match its payment in bank1_pay.account_pay: never published. */
    public static final String REFUSED = "refused";
}
