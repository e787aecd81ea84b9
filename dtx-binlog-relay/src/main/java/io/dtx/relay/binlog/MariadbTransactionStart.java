package io.dtx.relay.binlog;

import com.github.shyiko.mysql.binlog.event.EventData;

/**
 * MariaDB's GTID event, which opens every transaction in place of MySQL's {@code BEGIN}, with the
 * field the client library does not read: the id of the connection (thread) that ran the
 * transaction, written from MariaDB 11.5 on (MDEV-7850).
 *
 * @param sequence   the GTID's sequence number
 * @param domainId   the GTID's replication domain
 * @param standalone true for a statement without a transaction around it (DDL): no commit event follows
 * @param threadId   the connection's id, or 0 where the server does not write it (11.4 and older)
 */
public record MariadbTransactionStart(long sequence, long domainId, boolean standalone, long threadId)
        implements EventData {}
