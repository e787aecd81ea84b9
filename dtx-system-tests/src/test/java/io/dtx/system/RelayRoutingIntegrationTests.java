package io.dtx.system;

import static io.dtx.system.Http.rechargeJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final KeptPayments exceptions = new KeptPayments(stack);

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
        String tombstone = HandWrittenPayments.txNo();
        String rolledBack = HandWrittenPayments.txNo();
        String marker = HandWrittenPayments.txNo();
        try (Connection c = HandWrittenPayments.connect(stack.payLogins.get("dev"))) {
            c.setAutoCommit(false);
            HandWrittenPayments.insert(c, rolledBack, accountNo, "success");
            c.rollback();
            HandWrittenPayments.insert(c, tombstone, accountNo, "rolled_back");
            c.commit();
            HandWrittenPayments.insert(c, marker, accountNo, "success");
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
        String orphan = HandWrittenPayments.txNo();
        stack.relay.close(); // so the connection is surely gone when the relay reads the payment
        try (Connection c = HandWrittenPayments.connect(stack.payLogins.get("dev"))) {
            HandWrittenPayments.insert(c, orphan, accountNo, "success");
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

        Http.Response byAService =
                stack.relayHttp().post("/relay/exceptions/" + orphan + "/route", "{\"environment\":\"dev\"}");
        assertThat(byAService.status())
                .as("the service token alone routes nothing")
                .isEqualTo(401);
        assertThat(exceptions.route(orphan, "qa").status()).isEqualTo(400);
        Http.Response routed = exceptions.route(orphan, "dev");
        assertThat(routed.status()).as(routed.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> stack.db.credits("bank1_dev", orphan) == 1);
        assertThat(stack.db.credits("bank1_staging", orphan)).isZero();
        JsonNode published = exceptions.find(orphan, "published");
        assertThat(published.get("routedBy").asString()).isEqualTo("person");
    }

    @Test
    @Order(4)
    void aUserMappedToNoEnvironmentIsKeptAndNeverPublishedByGuess() throws SQLException {
        String orphan = HandWrittenPayments.txNo();
        String marker = HandWrittenPayments.txNo();
        String accountNo = stack.newAccount("dev");
        try (Connection qa = HandWrittenPayments.connect(stack.payLogins.get("qa"));
                Connection dev = HandWrittenPayments.connect(stack.payLogins.get("dev"))) {
            HandWrittenPayments.insert(qa, orphan, accountNo, "success");
            HandWrittenPayments.insert(dev, marker, accountNo, "success");
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

    @Test
    @Order(7)
    void rowsWrittenOrChangedOutsideTheRelayAreRefusedNeverPublished() throws SQLException {
        String accountNo = stack.newAccount("dev");
        String devPayment = HandWrittenPayments.txNo();
        String qaPayment = HandWrittenPayments.txNo();
        try (Connection dev = HandWrittenPayments.connect(stack.payLogins.get("dev"));
                Connection qa = HandWrittenPayments.connect(stack.payLogins.get("qa"))) {
            HandWrittenPayments.insert(dev, devPayment, accountNo, "success");
            HandWrittenPayments.insert(qa, qaPayment, accountNo, "success");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> stack.db.credits("bank1_dev", devPayment) == 1 && exception(qaPayment) != null);
        }
        // Whoever can write dtx_relay: a row asking for dev's payment in staging too, and the
        // unmapped user of a kept row changed to a mapped one. Both payments are real, in bank1_pay.
        stack.db.update(
                "dtx_relay",
                "INSERT INTO relay_exception (tx_no, account_no, amount, paid_at, thread_id, db_user, reason,"
                        + " binlog_file, binlog_offset) VALUES (?, ?, 3.00, NOW(3), 1, 'dtx_pay_staging', 'x', 'x', 4)",
                devPayment,
                accountNo);
        stack.db.update("dtx_relay", "UPDATE relay_exception SET db_user = 'dtx_pay_dev' WHERE tx_no = ?", qaPayment);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> exceptions.find(devPayment, "refused") != null
                        && exceptions.find(qaPayment, "refused") != null);
        assertThat(exceptions.find(qaPayment, "refused").get("reason").asString())
                .contains("seal does not hold");
        assertThat(stack.db.credits("bank1_staging", devPayment)).isZero();
        assertThat(stack.db.credits("bank1_dev", qaPayment)).isZero();
    }

    private JsonNode exception(String txNo) {
        return exceptions.find(txNo, "open");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
