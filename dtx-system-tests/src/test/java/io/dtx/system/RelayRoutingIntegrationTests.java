package io.dtx.system;

import static io.dtx.system.Http.rechargeJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dtx.sandbox.MysqlServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Routing per environment by database user, on a server whose binlog names each transaction's
 * thread (MariaDB 11.8 here; MySQL 8.4 with Docker). The verdicts are read from the account
 * databases, which the relay never writes.
 */
@TestMethodOrder(OrderAnnotation.class)
class RelayRoutingIntegrationTests {

    private final RelayStack stack = RelayStack.get();

    @Test
    @Order(1)
    void eachEnvironmentCreditsExactlyItsOwnPaymentsAndNoneOfTheOther() {
        Map<String, List<String>> paid = new LinkedHashMap<>();
        for (String env : RelayStack.ENVIRONMENTS) {
            String accountNo = stack.newAccount(env);
            List<String> txNos = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                Http.Response created = stack.pay.get(env).post("/pay/recharges", rechargeJson(accountNo, "1.00"));
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                txNos.add(created.json().get("txNo").asString());
            }
            paid.put(env, txNos);
        }

        for (String env : RelayStack.ENVIRONMENTS) {
            String schema = "bank1_" + env;
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> stack.db.creditedTxNos(schema).containsAll(paid.get(env)));
            for (String other : RelayStack.ENVIRONMENTS) {
                if (!other.equals(env)) {
                    assertThat(stack.db.creditedTxNos(schema))
                            .as("%s credited none of %s's payments", env, other)
                            .doesNotContainAnyElementsOf(paid.get(other));
                }
            }
            paid.get(env)
                    .forEach(txNo -> assertThat(stack.db.credits(schema, txNo)).isEqualTo(1));
        }
    }

    @Test
    @Order(2)
    void tombstonesAndRolledBackTransactionsPublishNothing() throws SQLException {
        String accountNo = stack.newAccount("dev");
        String tombstone = txNo();
        String rolledBack = txNo();
        String marker = txNo();
        try (Connection c = payConnection(stack.payLogins.get("dev"))) {
            c.setAutoCommit(false);
            insert(c, rolledBack, accountNo, "success");
            c.rollback();
            insert(c, tombstone, accountNo, "rolled_back");
            c.commit();
            insert(c, marker, accountNo, "success");
            c.commit();
            // The relay reads in commit order: once the marker is credited, whatever came before is
            // decided. The connection stays open until then, or the relay could not tell its user.
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.db.credits("bank1_dev", marker) == 1);
        }
        for (String env : RelayStack.ENVIRONMENTS) {
            assertThat(stack.db.credits("bank1_" + env, tombstone))
                    .as("tombstone in " + env)
                    .isZero();
            assertThat(stack.db.credits("bank1_" + env, rolledBack))
                    .as("rolled back in " + env)
                    .isZero();
        }
        assertThat(exception(tombstone)).isNull();
        assertThat(exception(rolledBack)).isNull();
    }

    @Test
    @Order(3)
    void aConnectionGoneBeforeItsLookupIsKeptThenPublishedWhereAPersonSays() throws SQLException {
        String accountNo = stack.newAccount("dev");
        String orphan = txNo();
        stack.relay.close(); // so the connection is surely gone when the relay reads the payment
        try (Connection c = payConnection(stack.payLogins.get("dev"))) {
            insert(c, orphan, accountNo, "success");
        }
        stack.relay = stack.startRelay(Map.of());

        await().atMost(Duration.ofSeconds(30)).until(() -> exception(orphan) != null);
        JsonNode kept = exception(orphan);
        assertThat(kept.get("reason").asString()).contains("was gone before it was looked up");
        assertThat(kept.get("status").asString()).isEqualTo("open");
        assertThat(kept.get("user").isNull()).isTrue();
        sleep(Duration.ofSeconds(1)); // several compensation rounds: nothing is published by guess
        assertThat(stack.db.credits("bank1_dev", orphan) + stack.db.credits("bank1_staging", orphan))
                .isZero();

        Http.Response unknown =
                stack.relayHttp().post("/relay/exceptions/" + orphan + "/route", "{\"environment\":\"qa\"}");
        assertThat(unknown.status()).isEqualTo(400);
        Http.Response routed =
                stack.relayHttp().post("/relay/exceptions/" + orphan + "/route", "{\"environment\":\"dev\"}");
        assertThat(routed.status()).as(routed.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> stack.db.credits("bank1_dev", orphan) == 1);
        assertThat(stack.db.credits("bank1_staging", orphan)).isZero();
        JsonNode published = exception(orphan, "published");
        assertThat(published.get("routedBy").asString()).isEqualTo("person");
    }

    @Test
    @Order(4)
    void aUserMappedToNoEnvironmentIsKeptAndNeverPublishedByGuess() throws SQLException {
        String orphan = txNo();
        String marker = txNo();
        String accountNo = stack.newAccount("dev");
        try (Connection qa = payConnection(stack.payLogins.get("qa"));
                Connection dev = payConnection(stack.payLogins.get("dev"))) {
            insert(qa, orphan, accountNo, "success");
            insert(dev, marker, accountNo, "success");
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.db.credits("bank1_dev", marker) == 1);
        }
        JsonNode kept = exception(orphan);
        assertThat(kept).isNotNull();
        assertThat(kept.get("user").asString()).isEqualTo("dtx_pay_qa");
        assertThat(kept.get("reason").asString()).contains("mapped to no environment");
        for (String env : RelayStack.ENVIRONMENTS) {
            assertThat(stack.db.credits("bank1_" + env, orphan)).isZero();
        }
    }

    @Test
    @Order(5)
    void aRestartedRelayResumesFromItsPositionAndLosesNothing() {
        String accountNo = stack.newAccount("staging");
        stack.relay.close();
        List<String> txNos = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            txNos.add(stack.pay
                    .get("staging")
                    .post("/pay/recharges", rechargeJson(accountNo, "2.00"))
                    .json()
                    .get("txNo")
                    .asString());
        }
        stack.relay = stack.startRelay(Map.of());

        await().atMost(Duration.ofSeconds(30))
                .until(() -> stack.db.creditedTxNos("bank1_staging").containsAll(txNos));
        Set<String> dev = stack.db.creditedTxNos("bank1_dev");
        assertThat(dev).doesNotContainAnyElementsOf(txNos);
    }

    @Test
    @Order(6)
    void aRotationMovesTheSavedPositionToTheNewFileAndLosesNothing() throws SQLException {
        String accountNo = stack.newAccount("dev");
        String current;
        try (Connection c = DriverManager.getConnection(
                        stack.infra.mysql().jdbcUrl(""),
                        stack.infra.mysql().user(),
                        stack.infra.mysql().password());
                Statement s = c.createStatement()) {
            s.execute("FLUSH BINARY LOGS");
            try (ResultSet end = s.executeQuery("SHOW MASTER STATUS")) {
                end.next();
                current = end.getString(1);
            }
        }
        // No payment yet: only the rotation itself can move the saved position to the new file.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> stack.relayHttp()
                        .get("/relay/status")
                        .json()
                        .get("saved")
                        .asString()
                        .startsWith(current));
        Http.Response created = stack.pay.get("dev").post("/pay/recharges", rechargeJson(accountNo, "4.00"));
        String txNo = created.json().get("txNo").asString();

        await().atMost(Duration.ofSeconds(30)).until(() -> stack.db.credits("bank1_dev", txNo) == 1);
    }

    private JsonNode exception(String txNo) {
        return exception(txNo, "open");
    }

    private JsonNode exception(String txNo, String status) {
        Http.Response list = stack.relayHttp().get("/relay/exceptions?status=" + status);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        for (JsonNode row : list.json()) {
            if (row.get("txNo").asString().equals(txNo)) {
                return row;
            }
        }
        return null;
    }

    private static Connection payConnection(MysqlServer login) throws SQLException {
        return DriverManager.getConnection(login.jdbcUrl("bank1_pay"), login.user(), login.password());
    }

    private static void insert(Connection c, String txNo, String accountNo, String result) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO account_pay (id, account_no, pay_amount, result) VALUES (?, ?, 3.00, ?)")) {
            s.setString(1, txNo);
            s.setString(2, accountNo);
            s.setString(3, result);
            s.executeUpdate();
        }
    }

    private static String txNo() {
        return "rl-" + UUID.randomUUID();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
