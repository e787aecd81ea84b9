package io.dtx.relay.position;

import io.dtx.relay.binlog.BinlogPosition;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code dtx_relay.relay_position}: one row per relay. */
@Repository
public class PositionTable {

    private final JdbcTemplate jdbc;
    private final String relayName;

    PositionTable(JdbcTemplate jdbc, @Value("${dtx.relay.name:binlog-relay}") String relayName) {
        this.jdbc = jdbc;
        this.relayName = relayName;
    }

    public Optional<BinlogPosition> load() {
        return jdbc
                .query(
                        "SELECT binlog_file, binlog_offset FROM relay_position WHERE relay_name = ?",
                        (row, n) -> new BinlogPosition(row.getString(1), row.getLong(2)),
                        relayName)
                .stream()
                .findFirst();
    }

    public void save(BinlogPosition position) {
        jdbc.update(
                "INSERT INTO relay_position (relay_name, binlog_file, binlog_offset) VALUES (?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE binlog_file = VALUES(binlog_file),"
                        + " binlog_offset = VALUES(binlog_offset), updated_at = CURRENT_TIMESTAMP(3)",
                relayName,
                position.file(),
                position.offset());
    }
}
