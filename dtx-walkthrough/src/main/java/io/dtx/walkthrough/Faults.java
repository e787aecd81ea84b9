package io.dtx.walkthrough;

import io.dtx.contract.Messaging;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;

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

    /** One fault as it happened, for the report. */
    record Injected(Kind kind, double atSeconds, double tookSeconds, String detail) {
    }

    private final Workspace workspace;
    private final LocalStack stack;
    private final Random random;
    private final Duration consumerFailure;

    Faults(Workspace workspace, LocalStack stack, Random random, Duration consumerFailure) {
        this.workspace = workspace;
        this.stack = stack;
        this.random = random;
        this.consumerFailure = consumerFailure;
    }

    /** Every kind once, then random ones up to {@code count}, in a seeded random order. */
    static List<Kind> schedule(int count, Random random) {
        List<Kind> kinds = new ArrayList<>(List.of(Kind.values()));
        while (kinds.size() < count) {
            kinds.add(Kind.values()[random.nextInt(Kind.values().length)]);
        }
        java.util.Collections.shuffle(kinds, random);
        return kinds;
    }

    /** Injects one fault; returns what was done. {@code paid} are acknowledged payments so far. */
    String inject(Kind kind, List<ChaosLoad.Paid> paid) throws Exception {
        return switch (kind) {
            case PAY_KILLED -> {
                JavaProcess.sleep(random.nextInt(500));
                long pid = stack.pay().pid();
                stack.killPay();
                stack.startPay();
                yield "pid " + pid + " killed, restarted";
            }
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
                JavaProcess.sleep(2_000 + random.nextInt(3_000)); // the clients see it gone for a while
                stack.restartBroker();
                yield "pid " + pid + " killed, restarted on its store";
            }
            case DB_CONNECTIONS_KILLED -> "killed " + killServiceConnections() + " connections of dtx_pay and dtx_account";
            case DUPLICATE_MESSAGES -> "re-sent " + resend(paid) + " messages of paid recharges";
            case CONSUMER_FAILING -> lockHotAccount();
        };
    }

    private String payKilledAfterLocalCommit() throws IOException {
        Path trigger = workspace.pauseTrigger();
        Path paused = Path.of(trigger + ".paused");
        Files.deleteIfExists(paused);
        Files.writeString(trigger, "pause");
        // Every payment that commits from now on waits in the window; kill as soon as one is there.
        boolean inWindow = Bank.eventually(Duration.ofSeconds(10), () -> !readQuietly(paused).isEmpty());
        String txNo = readQuietly(paused);
        long pid = stack.pay().pid();
        stack.killPay();
        Files.deleteIfExists(trigger);
        Files.deleteIfExists(paused);
        stack.startPay();
        return inWindow ? "pid " + pid + " killed with payment " + txNo + " (and any others) committed but not confirmed"
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
        try (Connection c = admin(); Statement s = c.createStatement()) {
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT id FROM information_schema.processlist WHERE user IN ('dtx_pay', 'dtx_account')")) {
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

    private int resend(List<ChaosLoad.Paid> paid) throws Exception {
        List<ChaosLoad.Paid> chosen = new ArrayList<>();
        synchronized (paid) {
            for (int i = 0; i < Math.min(50, paid.size()); i++) {
                chosen.add(paid.get(random.nextInt(paid.size())));
            }
        }
        DefaultMQProducer producer = new DefaultMQProducer("dtx-chaos-" + UUID.randomUUID());
        producer.setNamesrvAddr(stack.namesrvAddr());
        producer.start();
        try {
            for (ChaosLoad.Paid p : chosen) {
                String body = "{\"txNo\":\"" + p.txNo() + "\",\"accountNo\":\"" + p.accountNo() + "\",\"amount\":"
                        + p.amount().toPlainString() + ",\"paidAt\":\"" + java.time.Instant.now() + "\"}";
                producer.send(new Message(Messaging.RECHARGE_TOPIC, Messaging.RECHARGE_SUCCEEDED_TAG, p.txNo(), body.getBytes(StandardCharsets.UTF_8)));
            }
        } finally {
            producer.shutdown();
        }
        return chosen.size();
    }

    /**
     * Holds the hot account's row lock in an open transaction: every credit to it waits, times out
     * (the account service's lock wait is 1 s in the campaign), is redelivered, and after its last
     * retry lands in the dead-letter queue, where only reconciliation can still save it.
     */
    private String lockHotAccount() throws SQLException {
        try (Connection c = admin()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT account_balance FROM bank1.account_info WHERE account_no = '" + ChaosLoad.HOT_ACCOUNT + "' FOR UPDATE").close();
                JavaProcess.sleep(consumerFailure.toMillis());
            } finally {
                c.rollback();
            }
        }
        return "hot account " + ChaosLoad.HOT_ACCOUNT + " locked for " + consumerFailure.toSeconds() + " s";
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl("bank1"), stack.mysqlUser(), stack.mysqlPassword());
    }
}
