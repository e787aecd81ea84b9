package io.dtx.relay.binlog;

import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the stream of binlog events into committed transactions. A transaction opens with
 * MariaDB's GTID event or MySQL's {@code BEGIN}, and commits with its XID event (InnoDB), which is
 * also the only event whose position MariaDB fills in. A rolled-back transaction never reaches
 * the binlog, so nothing here has to undo anything; a statement outside a transaction (DDL) is a
 * transaction without payments.
 */
public final class TransactionAssembler {

    private final String schema;
    private final String table;
    private final String ownSchema;
    private final Map<Long, TableMapEventData> tables = new HashMap<>();
    private final List<PaymentRow> payments = new ArrayList<>();
    private String file;
    private long threadId;
    private Instant writtenAt = Instant.EPOCH;
    private boolean onlyOwnWrites = true;
    private boolean inTransaction;

    /**
     * @param schema    the payments' schema ({@code bank1_pay})
     * @param table     the payments' table ({@code account_pay})
     * @param ownSchema the relay's own schema, whose writes are not progress worth saving
     */
    public TransactionAssembler(String schema, String table, String ownSchema) {
        this.schema = schema;
        this.table = table;
        this.ownSchema = ownSchema;
    }

    /** Where reading starts: the file name until the server's first ROTATE event confirms it. */
    public void startAt(BinlogPosition position) {
        file = position.file();
        reset(0, Instant.EPOCH);
    }

    /** The transaction this event commits, if it commits one. */
    public Optional<CommittedTransaction> accept(Event event) {
        EventHeaderV4 header = event.getHeader();
        EventType type = header.getEventType();
        if (type == EventType.ROTATE) {
            return rotate(event.getData());
        }
        if (type == EventType.MARIADB_GTID && event.getData() instanceof MariadbTransactionStart start) {
            reset(start.threadId(), Instant.ofEpochMilli(header.getTimestamp()));
            inTransaction = true;
            return Optional.empty();
        }
        if (type == EventType.TABLE_MAP) {
            TableMapEventData map = event.getData();
            tables.put(map.getTableId(), map);
            onlyOwnWrites &= ownSchema.equals(map.getDatabase());
            return Optional.empty();
        }
        if (EventType.isWrite(type)) {
            collect(event.getData());
            return Optional.empty();
        }
        if (type == EventType.QUERY) {
            return query(event.getData(), header);
        }
        if (type == EventType.XID) {
            return Optional.of(commit(header));
        }
        return Optional.empty();
    }

    /**
     * The server moved to another file. Between transactions (where the binlog always rotates)
     * that is progress like a commit: without it, a relay idle across a rotation would keep a
     * position in a file the server may purge, and stop for nothing on its next start.
     */
    private Optional<CommittedTransaction> rotate(RotateEventData rotate) {
        file = rotate.getBinlogFilename();
        if (inTransaction) {
            return Optional.empty();
        }
        BinlogPosition next = new BinlogPosition(file, Math.max(4, rotate.getBinlogPosition()));
        return Optional.of(new CommittedTransaction(0, Instant.EPOCH, List.of(), next, false));
    }

    private Optional<CommittedTransaction> query(QueryEventData query, EventHeaderV4 header) {
        String sql = query.getSql().strip();
        if ("BEGIN".equalsIgnoreCase(sql)) {
            // MySQL (and MariaDB talking to an old replica) opens a transaction this way.
            reset(query.getThreadId(), Instant.ofEpochMilli(header.getTimestamp()));
            inTransaction = true;
            return Optional.empty();
        }
        // COMMIT of a non-transactional engine, or a statement of its own (DDL): it ends here.
        onlyOwnWrites = false;
        return header.getNextPosition() > 0 ? Optional.of(commit(header)) : Optional.empty();
    }

    private void collect(WriteRowsEventData rows) {
        TableMapEventData map = tables.get(rows.getTableId());
        if (map == null || !schema.equals(map.getDatabase()) || !table.equals(map.getTable())) {
            return;
        }
        if (map.getEventMetadata() == null || map.getEventMetadata().getColumnNames() == null) {
            throw new IllegalStateException(
                    "The binlog carries no column names: the server needs binlog_row_metadata=FULL");
        }
        List<String> columns = map.getEventMetadata().getColumnNames();
        for (Serializable[] row : rows.getRows()) {
            payments.add(PaymentRow.read(columns, row));
        }
    }

    private CommittedTransaction commit(EventHeaderV4 header) {
        CommittedTransaction committed = new CommittedTransaction(
                threadId, writtenAt, payments, new BinlogPosition(file, header.getNextPosition()), onlyOwnWrites);
        reset(0, Instant.EPOCH);
        return committed;
    }

    private void reset(long threadId, Instant writtenAt) {
        this.inTransaction = false;
        this.threadId = threadId;
        this.writtenAt = writtenAt;
        payments.clear();
        onlyOwnWrites = true;
        tables.clear();
    }
}
