package io.dtx.relay.binlog;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What the relay asks the source server over SQL: its settings, its binlog files, where it ends. */
@Component
public class SourceServer {

    private static final Pattern MARIADB_VERSION = Pattern.compile("^(\\d+)\\.(\\d+).*MariaDB.*");

    private final JdbcTemplate jdbc;

    SourceServer(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Refuses a server whose binlog the relay cannot read whole: off, not row-based, images without
     * every column, or rows without column names.
     */
    public void checkRowEvents() {
        Map<String, Object> settings =
                jdbc.queryForMap("SELECT @@log_bin AS log_bin, @@binlog_format AS format, @@binlog_row_image AS image,"
                        + " @@binlog_row_metadata AS metadata");
        expect(settings, "log_bin", "1", "--log-bin");
        expect(settings, "format", "ROW", "--binlog-format=ROW");
        expect(settings, "image", "FULL", "--binlog-row-image=FULL");
        expect(settings, "metadata", "FULL", "--binlog-row-metadata=FULL");
        // Compressed events hold rows the client library cannot read (MySQL: a whole transaction in
        // one event; MariaDB: event types it does not know).
        if (isMariaDb()) {
            expect(
                    jdbc.queryForMap("SELECT @@log_bin_compress AS compression"),
                    "compression",
                    "0",
                    "--log-bin-compress=OFF");
        } else {
            Map<String, Object> compression =
                    jdbc.queryForMap("SELECT @@binlog_transaction_compression AS compression");
            expect(compression, "compression", "0", "--binlog-transaction-compression=OFF");
        }
    }

    /** This server's id: transactions with another in their events were replicated from elsewhere. */
    public long serverId() {
        Long id = jdbc.queryForObject("SELECT @@server_id", Long.class);
        return id == null ? 0 : id;
    }

    /** The schema of the relay's own login (its position is written there). */
    public String ownSchema() {
        return jdbc.queryForObject("SELECT DATABASE()", String.class);
    }

    private static void expect(Map<String, Object> settings, String key, String wanted, String option) {
        String actual = String.valueOf(settings.get(key)).toUpperCase(Locale.ROOT);
        boolean same = actual.equals(wanted)
                || "1".equals(wanted) && "ON".equals(actual)
                || "0".equals(wanted) && ("OFF".equals(actual) || "FALSE".equals(actual));
        if (!same) {
            throw new IllegalStateException("The binlog relay needs the server started with " + option + " (" + key
                    + " is " + settings.get(key) + ")");
        }
    }

    public String version() {
        return jdbc.queryForObject("SELECT VERSION()", String.class);
    }

    public boolean isMariaDb() {
        return version().contains("MariaDB");
    }

    /**
     * Whether each transaction's thread id is in the binlog: always on MySQL (its {@code BEGIN}),
     * on MariaDB only from 11.5 (its GTID event; 11.4 and older leave it out).
     */
    public boolean writesThreadIds() {
        Matcher mariaDb = MARIADB_VERSION.matcher(version());
        if (!mariaDb.matches()) {
            return true;
        }
        int major = Integer.parseInt(mariaDb.group(1));
        int minor = Integer.parseInt(mariaDb.group(2));
        return major > 11 || major == 11 && minor >= 5;
    }

    /** Where the binlog ends now: the first start's position. */
    public BinlogPosition end() {
        Map<String, Object> status;
        try {
            status = jdbc.queryForMap("SHOW BINARY LOG STATUS"); // MySQL 8.4
        } catch (DataAccessException olderSyntax) {
            status = jdbc.queryForMap("SHOW MASTER STATUS"); // MariaDB, MySQL 8.0
        }
        return new BinlogPosition((String) status.get("File"), ((Number) status.get("Position")).longValue());
    }

    /** The binlog files the server still has, oldest first. */
    public List<String> files() {
        return jdbc.query("SHOW BINARY LOGS", (row, n) -> row.getString(1));
    }
}
