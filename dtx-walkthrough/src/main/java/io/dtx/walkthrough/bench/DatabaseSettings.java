package io.dtx.walkthrough.bench;

import io.dtx.walkthrough.probe.Databases;
import java.util.Map;

/**
 * The database settings that decide what a commit costs, for {@code database} in the report:
 * a ceiling measured with the log flushed once a second would promise what no bank runs with.
 */
record DatabaseSettings(
        String version, Long innodbFlushLogAtTrxCommit, Long syncBinlog, Long logBin, Long innodbBufferPoolSize) {

    static DatabaseSettings read(Databases db) {
        Map<String, Object> row = db.rows("bank1", """
                SELECT @@version AS version, @@innodb_flush_log_at_trx_commit AS flush, @@sync_binlog AS sync_binlog,
                       @@log_bin AS log_bin, @@innodb_buffer_pool_size AS buffer_pool""").get(0);
        return new DatabaseSettings(
                String.valueOf(row.get("version")),
                number(row.get("flush")),
                number(row.get("sync_binlog")),
                number(row.get("log_bin")),
                number(row.get("buffer_pool")));
    }

    private static Long number(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }
}
