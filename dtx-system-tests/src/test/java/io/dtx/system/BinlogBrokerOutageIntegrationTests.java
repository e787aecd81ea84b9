package io.dtx.system;

import static io.dtx.system.Http.rechargeJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dtx.contract.Messaging;
import io.dtx.relay.RelayApplication;
import io.dtx.sandbox.EmbeddedRocketMq;
import io.dtx.sandbox.MysqlServer;
import io.dtx.sandbox.RocketMqAdmin;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The binlog relay's promise when the broker is gone, on a broker of its own that the test really
 * stops and starts again on the same ports and store: payments keep being taken (they are only
 * rows), the relay fails to publish the first of them and reads again from its saved position,
 * which does not move while the broker is away; once the broker is back, the same relay delivers
 * every one, and each is credited exactly once, by its message.
 */
class BinlogBrokerOutageIntegrationTests {

    private static final String RELAY_NAME = "it-broker-outage";

    @TempDir
    Path brokerHome;

    @Test
    void theRelayWaitsWithItsPositionWhileTheBrokerIsDownAndDeliversWhenItIsBack() throws Exception {
        DtxStack stack = DtxStack.get();
        int namesrvPort = OutboxInstances.freePort();
        int brokerPort = OutboxInstances.freeBrokerPort();
        EmbeddedRocketMq broker = startBroker(namesrvPort, brokerPort);
        String accountNo = stack.db.newAccount("binlog-outage-");
        try (ConfigurableApplicationContext account = OutboxInstances.account(stack, broker.namesrvAddr());
                ConfigurableApplicationContext pay =
                        OutboxInstances.pay(stack, broker.namesrvAddr(), Map.of("dtx.pay.publisher", "binlog"));
                ConfigurableApplicationContext relay = startRelay(broker.namesrvAddr())) {
            Http http = OutboxInstances.http(pay);
            Http relayHttp = OutboxInstances.http(relay);
            String before = paid(http, accountNo);
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.db.credits(before) == 1);

            broker.close();
            String[] end = binlogEnd(stack);
            List<String> duringOutage = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                duringOutage.add(paid(http, accountNo));
            }
            awaitFailedPublish(relayHttp, duringOutage.get(0));
            String savedDuringOutage = savedPosition(stack);
            assertSavedBeforeFirstPayment(stack, savedDuringOutage, end);
            assertPositionStays(stack, savedDuringOutage);
            assertThat(duringOutage).allMatch(txNo -> stack.db.credits(txNo) == 0);

            broker = startBroker(namesrvPort, brokerPort);
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> duringOutage.stream().allMatch(txNo -> stack.db.credits(txNo) == 1));
            assertThat(duringOutage)
                    .as("delivered by the relay's message, not by a safety net")
                    .allMatch(txNo -> "MESSAGE".equals(stack.db.appliedBy(txNo)));
            assertThat(stack.db.balance(accountNo)).isEqualByComparingTo("18.00");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !savedPosition(stack).equals(savedDuringOutage));
        } finally {
            broker.close();
        }
    }

    private static void assertPositionStays(DtxStack stack, String saved) throws Exception {
        Thread.sleep(4000); // more failed attempts, each from the saved position
        assertThat(savedPosition(stack))
                .as("the position does not move while the broker is away")
                .isEqualTo(saved);
    }

    /** The binlog itself, not the relay, says where the first unpublished payment starts. */
    private static void assertSavedBeforeFirstPayment(DtxStack stack, String saved, String[] end) throws Exception {
        long firstStart = firstPaymentStart(stack, end[0], Long.parseLong(end[1]));
        assertThat(saved)
                .as("saved at or before the first unpublished payment, which starts at %s:%d", end[0], firstStart)
                .matches(position -> position.startsWith(end[0] + ":")
                        && Long.parseLong(position.substring(position.lastIndexOf(':') + 1)) <= firstStart);
    }

    /** The fault counts only once the relay really failed to publish the payment. */
    private static void awaitFailedPublish(Http relayHttp, String txNo) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> relayHttp
                        .get("/relay/status")
                        .json()
                        .get("lastError")
                        .asString("")
                        .contains(txNo));
    }

    /** A recharge that must be taken (201), broker or not; returns its txNo. */
    private static String paid(Http http, String accountNo) {
        Http.Response response = http.post("/pay/recharges", rechargeJson(accountNo, "3.00"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("txNo").asString();
    }

    private static ConfigurableApplicationContext startRelay(String namesrvAddr) {
        return new SpringApplicationBuilder(RelayApplication.class)
                .run(RelayStack.relayArgs(
                        DtxStack.get().infra,
                        Map.of(
                                "dtx.relay.name",
                                RELAY_NAME,
                                "dtx.relay.binlog.server-id",
                                6414,
                                "rocketmq.name-server",
                                namesrvAddr,
                                "rocketmq.producer.send-message-timeout",
                                1000)));
    }

    private static String savedPosition(DtxStack stack) {
        return stack.db.scalar(
                "dtx_relay",
                "SELECT CONCAT(binlog_file, ':', binlog_offset) FROM relay_position WHERE relay_name = ?",
                String.class,
                RELAY_NAME);
    }

    /** The binlog's current file and end, read as the administrator. */
    private static String[] binlogEnd(DtxStack stack) throws SQLException {
        try (Connection c = admin(stack);
                Statement s = c.createStatement();
                ResultSet end = binlogStatus(s)) {
            end.next();
            return new String[] {end.getString(1), end.getString(2)};
        }
    }

    private static ResultSet binlogStatus(Statement s) throws SQLException {
        try {
            return s.executeQuery("SHOW MASTER STATUS"); // MariaDB, MySQL 8.0
        } catch (SQLException renamed) {
            return s.executeQuery("SHOW BINARY LOG STATUS"); // MySQL 8.4
        }
    }

    /**
     * Where the transaction of the first payment written after {@code from} starts: the last
     * transaction start (MariaDB's GTID event, MySQL's BEGIN) before its row event, from the
     * server's own account of its binlog.
     */
    private static long firstPaymentStart(DtxStack stack, String file, long from) throws SQLException {
        try (Connection c = admin(stack);
                Statement s = c.createStatement();
                ResultSet events = s.executeQuery("SHOW BINLOG EVENTS IN '" + file + "' FROM " + from)) {
            long start = -1;
            while (events.next()) {
                String type = events.getString("Event_type");
                String info = events.getString("Info");
                if (type.equals("Gtid") || (type.equals("Query") && "BEGIN".equals(info))) {
                    start = events.getLong("Pos");
                } else if (type.equals("Table_map") && info.contains("bank1_pay") && info.contains("account_pay")) {
                    return start;
                }
            }
        }
        throw new IllegalStateException("no payment in " + file + " after " + from);
    }

    private static Connection admin(DtxStack stack) throws SQLException {
        MysqlServer root = stack.infra.mysql();
        return DriverManager.getConnection(root.jdbcUrl(""), root.user(), root.password());
    }

    private EmbeddedRocketMq startBroker(int namesrvPort, int brokerPort) {
        EmbeddedRocketMq broker = EmbeddedRocketMq.start(brokerHome, namesrvPort, brokerPort);
        try (RocketMqAdmin admin = new RocketMqAdmin(broker.namesrvAddr(), broker::registerWithNamesrv)) {
            admin.declare(List.of(Messaging.RECHARGE_TOPIC), List.of(Messaging.ACCOUNT_CONSUMER_GROUP));
        }
        return broker;
    }
}
