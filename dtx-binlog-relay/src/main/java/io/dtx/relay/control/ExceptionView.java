package io.dtx.relay.control;

import io.dtx.relay.routing.KeptPayment;
import java.math.BigDecimal;
import java.time.Instant;

/** A row of the exception table as a person reads it. */
public record ExceptionView(
        String txNo,
        String accountNo,
        BigDecimal amount,
        Instant paidAt,
        long threadId,
        String user,
        String reason,
        String status,
        String environment,
        String routedBy,
        int attempts,
        Instant keptAt) {

    static ExceptionView of(KeptPayment row) {
        return new ExceptionView(
                row.payment().txNo(),
                row.payment().accountNo(),
                row.payment().amount(),
                row.payment().paidAt(),
                row.threadId(),
                row.user(),
                row.reason(),
                row.status(),
                row.environment(),
                row.routedBy(),
                row.attempts(),
                row.createdAt());
    }
}
