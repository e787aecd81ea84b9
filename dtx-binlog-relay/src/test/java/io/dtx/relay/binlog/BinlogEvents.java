package io.dtx.relay.binlog;

import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventMetadata;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.XidEventData;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;

/** Binlog events as the client library hands them over, made by hand for the assembler's tests. */
final class BinlogEvents {

    static final List<String> COLUMNS =
            List.of("id", "seq", "account_no", "pay_amount", "result", "idempotency_key", "request_hash", "created_at");

    private BinlogEvents() {}

    static Event gtid(long threadId, boolean standalone) {
        return event(EventType.MARIADB_GTID, 0, new MariadbTransactionStart(1, 0, standalone, threadId));
    }

    static Event query(String sql, long threadId, long nextPosition) {
        QueryEventData data = new QueryEventData();
        data.setSql(sql);
        data.setThreadId(threadId);
        return event(EventType.QUERY, nextPosition, data);
    }

    static Event tableMap(long tableId, String database, String table) {
        TableMapEventData data = new TableMapEventData();
        data.setTableId(tableId);
        data.setDatabase(database);
        data.setTable(table);
        TableMapEventMetadata metadata = new TableMapEventMetadata();
        metadata.setColumnNames(COLUMNS);
        data.setEventMetadata(metadata);
        return event(EventType.TABLE_MAP, 0, data);
    }

    static Event insert(long tableId, String txNo, String result) {
        WriteRowsEventData data = new WriteRowsEventData();
        data.setTableId(tableId);
        BitSet all = new BitSet();
        all.set(0, COLUMNS.size());
        data.setIncludedColumns(all);
        data.setRows(List.<Serializable[]>of(new Serializable[] {
            txNo.getBytes(StandardCharsets.US_ASCII),
            1L,
            "acc-1".getBytes(StandardCharsets.US_ASCII),
            new BigDecimal("12.50"),
            result.getBytes(StandardCharsets.US_ASCII),
            null,
            null,
            1_764_669_600_000_000L
        }));
        return event(EventType.EXT_WRITE_ROWS, 0, data);
    }

    static Event update(long tableId) {
        UpdateRowsEventData data = new UpdateRowsEventData();
        data.setTableId(tableId);
        return event(EventType.EXT_UPDATE_ROWS, 0, data);
    }

    static Event xid(long nextPosition) {
        return event(EventType.XID, nextPosition, new XidEventData());
    }

    static Event rotate(String file, long position) {
        RotateEventData data = new RotateEventData();
        data.setBinlogFilename(file);
        data.setBinlogPosition(position);
        return event(EventType.ROTATE, 0, data);
    }

    static Event of(EventType type) {
        return event(type, 0, null);
    }

    private static Event event(EventType type, long nextPosition, EventData data) {
        EventHeaderV4 header = new EventHeaderV4();
        header.setEventType(type);
        header.setServerId(1);
        header.setTimestamp(1_764_669_600_000L);
        header.setNextPosition(nextPosition);
        return new Event(header, data);
    }
}
