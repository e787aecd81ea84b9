package io.dtx.relay.binlog;

import java.time.Instant;
import java.util.List;

/**
 * A transaction the binlog shows committed, reduced to what the relay acts on.
 *
 * @param threadId      the id of the connection that ran it, 0 if the server did not write one
 * @param serverId      the server that ran it (a replica's binlog also holds its primary's
 *                      transactions, whose thread ids name connections of another server)
 * @param writtenAt     when the server wrote its first event (second precision, the binlog's own)
 * @param payments      the rows it inserted into {@code account_pay}, in order (often none)
 * @param next          where the binlog goes on after its commit: the position to resume from
 * @param onlyOwnWrites true if it wrote only into the relay's own schema (its position saves):
 *                      such a transaction is no reason to save the position again, which would
 *                      write another one, for ever
 */
public record CommittedTransaction(
        long threadId,
        long serverId,
        Instant writtenAt,
        List<PaymentRow> payments,
        BinlogPosition next,
        boolean onlyOwnWrites) {

    public CommittedTransaction {
        payments = List.copyOf(payments);
    }

    /** The server's move to a new file, between transactions: progress, with nothing to publish. */
    static CommittedTransaction rotation(BinlogPosition next) {
        return new CommittedTransaction(0, 0, Instant.EPOCH, List.of(), next, false);
    }
}
