package io.dtx.relay.binlog;

import com.github.shyiko.mysql.binlog.network.SSLMode;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the binlog is read from and how.
 *
 * @param host      the server that holds {@code bank1_pay}
 * @param port      its port
 * @param user      a login with REPLICATION SLAVE, REPLICATION CLIENT and PROCESS (the relay's own)
 * @param password  its password, from the environment only
 * @param serverId  the id the relay shows the server, as a replica does: unique among its replicas
 * @param schema    the payments' schema
 * @param table     the payments' table
 * @param ownSchema the relay's own schema ({@code dtx_relay}), whose writes it does not count as progress
 * @param heartbeat how often an idle server sends a heartbeat (the relay saves its position then)
 * @param sslMode   TLS on the binlog connection: {@code DISABLED} locally, {@code REQUIRED} where the
 *                  login requires it (docker compose), or {@code VERIFY_IDENTITY}
 */
@ConfigurationProperties("dtx.relay.binlog")
public record BinlogSettings(
        String host,
        int port,
        String user,
        String password,
        long serverId,
        String schema,
        String table,
        String ownSchema,
        Duration heartbeat,
        SSLMode sslMode) {}
