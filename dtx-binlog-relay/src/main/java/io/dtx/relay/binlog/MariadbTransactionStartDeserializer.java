package io.dtx.relay.binlog;

import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Reads MariaDB's GTID event including its thread id. Layout (MariaDB's {@code Gtid_log_event}):
 * sequence (8), domain id (4), flags (1); then a commit id (8) if {@code FL_GROUP_COMMIT_ID}, or
 * an XA id if the transaction is XA; then, when there is more, {@code flags_extra} (1) and the
 * fields it announces, the thread id (4) last. A server that writes no extras pads with zeros,
 * which read as "no extras".
 */
public final class MariadbTransactionStartDeserializer implements EventDataDeserializer<MariadbTransactionStart> {

    private static final int FL_STANDALONE = 0x01;
    private static final int FL_GROUP_COMMIT_ID = 0x02;
    private static final int FL_PREPARED_XA = 0x40;
    private static final int FL_COMPLETED_XA = 0x80;
    private static final int FL_EXTRA_MULTI_ENGINE = 0x01;
    private static final int FL_COMMIT_ALTER = 0x04;
    private static final int FL_ROLLBACK_ALTER = 0x08;
    private static final int FL_EXTRA_THREAD_ID = 0x10;

    @Override
    public MariadbTransactionStart deserialize(ByteArrayInputStream in) throws IOException {
        long sequence = in.readLong(8);
        long domainId = in.readLong(4);
        int flags = in.readInteger(1);
        if ((flags & FL_GROUP_COMMIT_ID) != 0) {
            in.skip(8);
        } else if ((flags & (FL_PREPARED_XA | FL_COMPLETED_XA)) != 0) {
            in.skip(4);
            int gtridLength = in.readInteger(1);
            int bqualLength = in.readInteger(1);
            in.skip(gtridLength + bqualLength);
        }
        long threadId = in.available() > 0 ? readThreadId(in) : 0;
        return new MariadbTransactionStart(sequence, domainId, (flags & FL_STANDALONE) != 0, threadId);
    }

    private static long readThreadId(ByteArrayInputStream in) throws IOException {
        int extra = in.readInteger(1);
        if ((extra & FL_EXTRA_MULTI_ENGINE) != 0) {
            in.skip(1);
        }
        if ((extra & (FL_COMMIT_ALTER | FL_ROLLBACK_ALTER)) != 0) {
            in.skip(8);
        }
        if ((extra & FL_EXTRA_THREAD_ID) != 0 && in.available() >= 4) {
            return in.readLong(4);
        }
        return 0;
    }
}
