package io.dtx.system;

import static io.dtx.system.Http.rechargeJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dtx.pay.PayServiceApplication;
import io.dtx.relay.RelayApplication;
import io.dtx.sandbox.MysqlServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Publisher {@code binlog} on the shared stack's server (the embedded MariaDB 11.4, or MySQL 8.4
 * with Docker): the pay service writes only the payment, the relay publishes it from the binlog,
 * the shared account service credits it. Relaying to one environment needs no thread ids, so it
 * works on 11.4; routing does, and the relay refuses it there.
 */
class BinlogPublisherIntegrationTests {

    private static final DtxStack stack = DtxStack.get();
    private static ConfigurableApplicationContext pay;
    private static ConfigurableApplicationContext relay;
    private static Http payHttp;

    @BeforeAll
    static void start() {
        pay = new SpringApplicationBuilder(PayServiceApplication.class)
                .run(DtxStack.serviceArgs(
                        stack.infra,
                        "dtx-pay-service",
                        "bank1_pay",
                        Map.of("dtx.pay.publisher", "binlog", "rocketmq.producer.group", "it-binlog-pay")));
        payHttp = new Http("http://127.0.0.1:" + NotifyStack.port(pay), DtxStack.SERVICE_TOKEN);
        relay = new SpringApplicationBuilder(RelayApplication.class).run(RelayStack.relayArgs(stack.infra, Map.of()));
    }

    @AfterAll
    static void stop() {
        relay.close();
        pay.close();
    }

    @Test
    void everyPaymentWrittenOnlyAsARowIsPublishedFromTheBinlogAndCreditedOnce() {
        String accountNo = stack.db.newAccount("binlog-");
        List<String> txNos = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Http.Response created = payHttp.post("/pay/recharges", rechargeJson(accountNo, "5.00"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            txNos.add(created.json().get("txNo").asString());
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> txNos.stream().allMatch(txNo -> stack.db.credits(txNo) == 1));
        assertThat(stack.db.balance(accountNo)).isEqualByComparingTo("100.00");
        txNos.forEach(txNo -> assertThat(stack.db.appliedBy(txNo)).isEqualTo("MESSAGE"));
        assertThat(stack.db.count("bank1_pay", "mq_notify WHERE tx_no LIKE '" + txNos.get(0) + "'"))
                .as("no message table row: the binlog is the message")
                .isZero();
    }

    @Test
    void routingPerEnvironmentIsRefusedOnAServerWhoseBinlogNamesNoThread() throws SQLException {
        String version = stack.db.scalar("bank1", "SELECT VERSION()", String.class);
        assumeTrue(version.contains("MariaDB") && version.startsWith("11.4"), "the embedded MariaDB 11.4 only");

        assertThatThrownBy(() -> new SpringApplicationBuilder(RelayApplication.class)
                        .run(RelayStack.relayArgs(
                                stack.infra,
                                Map.of(
                                        "dtx.relay.name",
                                        "it-refused",
                                        "dtx.relay.binlog.server-id",
                                        6411,
                                        "dtx.relay.routing.enabled",
                                        true,
                                        "dtx.relay.routing.users",
                                        RelayStack.ROUTES))))
                .hasStackTraceContaining("does not write it (MariaDB writes it from 11.5 on");
    }

    @Test
    void aSavedPositionWhoseBinlogWasPurgedStopsTheRelayInsteadOfSkipping() throws SQLException {
        String oldFile;
        try (Connection c = admin();
                Statement s = c.createStatement()) {
            oldFile = firstColumn(s, "SHOW BINARY LOGS");
            s.execute("FLUSH BINARY LOGS");
            String current = firstColumn(s, "SHOW MASTER STATUS");
            // The running relay passes the rotation and saves a position in the new file; only
            // then is the old file one nobody needs.
            Http running = new Http("http://127.0.0.1:" + NotifyStack.port(relay), DtxStack.SERVICE_TOKEN);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> running.get("/relay/status")
                            .json()
                            .get("saved")
                            .asString()
                            .startsWith(current));
            s.execute("INSERT INTO dtx_relay.relay_position (relay_name, binlog_file, binlog_offset)"
                    + " VALUES ('it-purged', '" + oldFile + "', 4)");
            s.execute("PURGE BINARY LOGS TO '" + current + "'");
        }

        try (ConfigurableApplicationContext purged = new SpringApplicationBuilder(RelayApplication.class)
                .run(RelayStack.relayArgs(
                        stack.infra, Map.of("dtx.relay.name", "it-purged", "dtx.relay.binlog.server-id", 6412)))) {
            Http http = new Http("http://127.0.0.1:" + NotifyStack.port(purged), DtxStack.SERVICE_TOKEN);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> http.get("/relay/status")
                            .json()
                            .get("state")
                            .asString()
                            .equals("position_lost"));
            assertThat(http.get("/relay/status").json().get("lastError").asString())
                    .contains(oldFile + ":4", "no longer in the server's binlog");
            assertThat(stack.db.scalar(
                            "dtx_relay",
                            "SELECT binlog_file FROM relay_position WHERE relay_name = 'it-purged'",
                            String.class))
                    .as("the position stays where it was, for a person to see")
                    .isEqualTo(oldFile);
        }
    }

    private static String firstColumn(Statement s, String sql) throws SQLException {
        try (ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static Connection admin() throws SQLException {
        MysqlServer root = stack.infra.mysql();
        return DriverManager.getConnection(root.jdbcUrl(""), root.user(), root.password());
    }
}
