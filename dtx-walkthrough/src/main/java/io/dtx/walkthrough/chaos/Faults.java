package io.dtx.walkthrough.chaos;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dtx.walkthrough.probe.Databases;
import io.dtx.walkthrough.probe.Redelivery;
import io.dtx.walkthrough.probe.Waits;
import io.dtx.walkthrough.stack.LocalStack;
import io.dtx.walkthrough.stack.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The faults of the campaign, each done for real to the running stack: processes are killed with
 * SIGKILL, the database really drops the connections, the broker really receives the duplicates.
 * Every fault ends with the stack whole again (killed processes restarted and healthy), so the
 * next one starts from a working system, as after an incident.
 */
final class Faults {

    /** What can go wrong, and what is expected to save the day (see docs/reliability.md). */
    enum Kind {
        /** SIGKILL of the pay service at a random moment under load. */
        PAY_KILLED,
        /** SIGKILL of the pay service while payments sit between their local commit and COMMIT. */
        PAY_KILLED_AFTER_LOCAL_COMMIT,
        /** SIGKILL of the account service while it consumes. */
        ACCOUNT_KILLED,
        /** SIGKILL of the broker (and its name server), restarted on its store after a pause. */
        BROKER_KILLED,
        /** KILL CONNECTION of every connection both services hold to the database. */
        DB_CONNECTIONS_KILLED,
        /** Messages of paid recharges sent to the topic again, as a redelivery would. */
        DUPLICATE_MESSAGES,
        /** A long transaction locks the hot account: its credits fail, retry, and reach the DLQ. */
        CONSUMER_FAILING
    }

    /**
     * One fault as it happened, for the report's {@code fault_log}. Its fields keep the camelCase
     * names of the reports already published, unlike the rest of the report.
     */
    record Injected(
            Kind kind,
            @JsonProperty("atSeconds") double atSeconds,
            @JsonProperty("tookSeconds") double tookSeconds,
            String detail) {}

    private final Workspace workspace;
    private final LocalStack stack;
    private final Databases db;
    private final Random random;
    private final Duration consumerFailure;

    Faults(Workspace workspace, LocalStack stack, Databases db, Random random, Duration consumerFailure) {
        this.workspace = workspace;
        this.stack = stack;
        this.db = db;
        this.random = random;
        this.consumerFailure = consumerFailure;
    }

    /** Every kind once, then random ones up to {@code count}, in a seeded random order. */
    static List<Kind> schedule(int count, Random random) {
        List<Kind> kinds = new ArrayList<>(List.of(Kind.values()));
        while (kinds.size() < count) {
            kinds.add(Kind.values()[random.nextInt(Kind.values().length)]);
        }
        Collections.shuffle(kinds, random);
        return kinds;
    }

    /** Injects one fault; returns what was done. {@code paid} are acknowledged payments so far. */
    String inject(Kind kind, List<ChaosLoad.Paid> paid) throws IOException, SQLException {
        return switch (kind) {
            case PAY_KILLED -> payKilled();
            case PAY_KILLED_AFTER_LOCAL_COMMIT -> payKilledAfterLocalCommit();
            case ACCOUNT_KILLED -> {
                long pid = stack.account().pid();
                stack.killAccount();
                stack.startAccount();
                yield "pid " + pid + " killed, restarted";
            }
            case BROKER_KILLED -> {
                long pid = stack.broker().pid();
                stack.killBroker();
                Waits.sleep(2_000 + random.nextInt(3_000)); // the clients see it gone for a while
                stack.restartBroker();
                yield "pid " + pid + " killed, restarted on its store";
            }
            case DB_CONNECTIONS_KILLED ->
                "killed " + killServiceConnections() + " connections of dtx_pay and dtx_account";
            case DUPLICATE_MESSAGES -> "re-sent " + resend(paid) + " messages of paid recharges";
            case CONSUMER_FAILING -> lockHotAccount();
        };
    }

    private String payKilled() {
        Waits.sleep(random.nextInt(500));
        long pid = stack.pay().pid();
        stack.killPay();
        stack.startPay();
        return "pid " + pid + " killed, restarted";
    }

    private String payKilledAfterLocalCommit() throws IOException {
        Path trigger = workspace.pauseTrigger();
        Path paused = workspace.pausedMarker();
        Files.deleteIfExists(paused);
        Files.writeString(trigger, "pause");
        // Every payment that commits from now on waits in the window; kill as soon as one is there.
        boolean inWindow = Waits.eventually(
                Duration.ofSeconds(10), () -> !readQuietly(paused).isEmpty());
        String txNo = readQuietly(paused);
        long pid = stack.pay().pid();
        stack.killPay();
        Files.deleteIfExists(trigger);
        Files.deleteIfExists(paused);
        stack.startPay();
        return inWindow
                ? "pid " + pid + " killed with payment " + txNo + " (and any others) committed but not confirmed"
                : "pid " + pid + " killed; no payment reached the window in 10 s";
    }

    private static String readQuietly(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file).strip() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private int killServiceConnections() throws SQLException {
        int killed = 0;
        try (Connection c = db.connect("bank1");
                Statement s = c.createStatement()) {
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(
                    "SELECT id FROM information_schema.processlist WHERE user IN ('dtx_pay', 'dtx_account')")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            for (long id : ids) {
                try {
                    s.execute("KILL CONNECTION " + id);
                    killed++;
                } catch (SQLException alreadyGone) {
                    // closed between the listing and the kill
                }
            }
        }
        return killed;
    }

    private int resend(List<ChaosLoad.Paid> paid) {
        List<Redelivery.Copy> copies = new ArrayList<>();
        synchronized (paid) {
            for (int i = 0; i < Math.min(50, paid.size()); i++) {
                ChaosLoad.Paid p = paid.get(random.nextInt(paid.size()));
                String body = "{\"txNo\":\"" + p.txNo() + "\",\"accountNo\":\"" + p.accountNo() + "\",\"amount\":"
                        + p.amount().toPlainString() + ",\"paidAt\":\"" + Instant.now() + "\"}";
                copies.add(new Redelivery.Copy(p.txNo(), body));
            }
        }
        return Redelivery.send(stack.namesrvAddr(), stack.messageSigning(), copies);
    }

    /**
     * Holds the hot account's row lock in an open transaction: every credit to it waits, times out
     * (the account service's lock wait is 1 s in the campaign), is redelivered, and after its last
     * retry lands in the dead-letter queue, where only reconciliation can still save it.
     */
    private String lockHotAccount() throws SQLException {
        try (Connection c = db.connect("bank1")) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT account_balance FROM bank1.account_info WHERE account_no = '"
                                + ChaosLoad.HOT_ACCOUNT + "' FOR UPDATE")
                        .close();
                Waits.sleep(consumerFailure.toMillis());
            } finally {
                c.rollback();
            }
        }
        return "hot account " + ChaosLoad.HOT_ACCOUNT + " locked for " + consumerFailure.toSeconds() + " s";
    }
}
