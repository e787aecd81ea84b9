package io.dtx.relay.binlog;

import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the stream of binlog events into committed transactions. A transaction opens with
 * MariaDB's GTID event or MySQL's {@code BEGIN}, and commits with its XID event (InnoDB), which is
 * also the only event whose position MariaDB fills in. A rolled-back transaction never reaches
 * the binlog, so nothing here has to undo anything; a statement outside a transaction (DDL) is a
 * transaction without payments.
 *
 * <p>It fails closed: whatever it cannot read whole (a compressed transaction, XA, a payment row
 * changed or of an unknown kind, rows without their table map) stops the relay with the reason,
 * rather than being skipped.
 */
public final class TransactionAssembler {

    private final String schema;
    private final String table;
    private final String ownSchema;
    private final Map<Long, TableMapEventData> tables = new HashMap<>();
    private final List<PaymentRow> payments = new ArrayList<>();
    private String file;
    private long threadId;
    private long serverId;
    private Instant writtenAt = Instant.EPOCH;
    private boolean onlyOwnWrites = true;
    private boolean inTransaction;
    private boolean standalone;

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
        reset();
    }

    /** The transaction this event commits, if it commits one. */
    public Optional<CommittedTransaction> accept(Event event) {
        EventHeaderV4 header = event.getHeader();
        EventType type = header.getEventType();
        if (type == EventType.ROTATE) {
            return rotate(event.getData());
        } else if (type == EventType.MARIADB_GTID && event.getData() instanceof MariadbTransactionStart start) {
            open(start.threadId(), header);
            standalone = start.standalone();
        } else if (type == EventType.QUERY) {
            return query(event.getData(), header);
        } else if (type == EventType.TABLE_MAP) {
            TableMapEventData map = event.getData();
            tables.put(map.getTableId(), map);
            onlyOwnWrites &= ownSchema.equals(map.getDatabase());
        } else if (type == EventType.XID) {
            return Optional.of(commit(header));
        } else if (type == EventType.TRANSACTION_PAYLOAD) {
            throw new IllegalStateException("A compressed transaction (binlog_transaction_compression=ON) at " + file
                    + ": the relay cannot read its rows; turn compression off");
        } else if (EventType.isWrite(type)) {
            WriteRowsEventData rows = event.getData();
            collect(mapOf(rows.getTableId()), rows);
        } else if (EventType.isUpdate(type)) {
            refuseChange(mapOf(((UpdateRowsEventData) event.getData()).getTableId()), "UPDATE");
        } else if (EventType.isDelete(type)) {
            refuseChange(mapOf(((DeleteRowsEventData) event.getData()).getTableId()), "DELETE");
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
        return Optional.of(
                CommittedTransaction.rotation(new BinlogPosition(file, Math.max(4, rotate.getBinlogPosition()))));
    }

    /**
     * Query events: MySQL's {@code BEGIN} opens a transaction; {@code COMMIT} (a non-transactional
     * engine) ends one and {@code ROLLBACK} throws one away; inside a transaction a
     * {@code SAVEPOINT} is part of it; outside one a statement (DDL) is a transaction of its own.
     */
    private Optional<CommittedTransaction> query(QueryEventData query, EventHeaderV4 header) {
        String sql = query.getSql().strip().toUpperCase(Locale.ROOT);
        if (sql.equals("BEGIN")) {
            open(query.getThreadId(), header);
            return Optional.empty();
        }
        if (sql.startsWith("XA ")) {
            throw new IllegalStateException("An XA transaction at " + file + ": the relay relays only"
                    + " transactions that committed in one step; XA is not used on bank1_pay");
        }
        if (sql.equals("ROLLBACK")) {
            reset();
            return Optional.empty();
        }
        if (sql.equals("COMMIT")) {
            return Optional.of(commit(header));
        }
        if (inTransaction && !standalone) {
            return Optional.empty();
        }
        onlyOwnWrites = false;
        return header.getNextPosition() > 0 ? Optional.of(commit(header)) : Optional.empty();
    }

    private TableMapEventData mapOf(long tableId) {
        TableMapEventData map = tables.get(tableId);
        if (map == null) {
            throw new IllegalStateException("Rows of table id " + tableId + " without its table map, in " + file);
        }
        return map;
    }

    private boolean isPayments(TableMapEventData map) {
        return schema.equals(map.getDatabase()) && table.equals(map.getTable());
    }

    private void collect(TableMapEventData map, WriteRowsEventData rows) {
        if (!isPayments(map)) {
            return;
        }
        if (map.getEventMetadata() == null || map.getEventMetadata().getColumnNames() == null) {
            throw new IllegalStateException(
                    "The binlog carries no column names: the server needs binlog_row_metadata=FULL");
        }
        List<String> columns = map.getEventMetadata().getColumnNames();
        if (rows.getIncludedColumns().cardinality() != columns.size()) {
            throw new IllegalStateException("A payment row without all its columns (a session with"
                    + " binlog_row_image other than FULL), in " + file);
        }
        for (Serializable[] row : rows.getRows()) {
            payments.add(PaymentRow.read(columns, row));
        }
    }

    /** Payments are only ever inserted; a changed one is for a person, not for a guess. */
    private void refuseChange(TableMapEventData map, String change) {
        if (isPayments(map)) {
            throw new IllegalStateException("Payment rows changed by " + change + " in " + file + ": payments are"
                    + " only ever inserted; the relay stops here until a person has looked");
        }
    }

    private void open(long thread, EventHeaderV4 header) {
        reset();
        inTransaction = true;
        threadId = thread;
        serverId = header.getServerId();
        writtenAt = Instant.ofEpochMilli(header.getTimestamp());
    }

    private CommittedTransaction commit(EventHeaderV4 header) {
        CommittedTransaction committed = new CommittedTransaction(
                threadId,
                serverId,
                writtenAt,
                payments,
                new BinlogPosition(file, header.getNextPosition()),
                onlyOwnWrites);
        reset();
        return committed;
    }

    private void reset() {
        inTransaction = false;
        standalone = false;
        threadId = 0;
        serverId = 0;
        writtenAt = Instant.EPOCH;
        payments.clear();
        onlyOwnWrites = true;
        tables.clear();
    }
}
