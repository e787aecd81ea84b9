package io.dtx.walkthrough.chaos;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dtx.walkthrough.probe.Databases;
import io.dtx.walkthrough.probe.ReceiverGate;
import io.dtx.walkthrough.stack.LocalStack;
import io.dtx.walkthrough.stack.Workspace;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The faults of the campaign, each done for real to the running stack: processes are killed with
 * SIGKILL, the database really drops the connections, the broker really receives the duplicates
 * and the forgeries. Every fault ends with the stack whole again (killed processes restarted and
 * healthy), so the next one starts from a working system, as after an incident. A fault counts
 * only if it really happened, as far as the campaign can see from outside the services.
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
        /** SIGKILL of the broker, its store deleted, restarted empty: every message and offset gone. */
        BROKER_STORE_WIPED,
        /** KILL CONNECTION of every connection both services hold to the database. */
        DB_CONNECTIONS_KILLED,
        /** A payment's transaction open past the feed's overlap window, its message lost. */
        TRANSACTION_STALLED,
        /** Messages of paid recharges sent to the topic again, as a redelivery would. */
        DUPLICATE_MESSAGES,
        /**
         * Payments put on the topic by a foreign producer (unsigned, or signed with another key),
         * and unsigned half messages left unsettled in the pay producer group.
         */
        FORGED_MESSAGES,
        /** A long transaction locks the hot account: its credits fail, retry, and reach the DLQ. */
        CONSUMER_FAILING,
        /** Payments to accounts that do not exist yet; the accounts are opened seconds later. */
        ACCOUNTS_OPENED_LATE,
        /** The second broker and the second instance of each service SIGKILLed for good, under load. */
        SECOND_INSTANCES_KILLED,
        /** SIGKILL of the notifier while notifications are under way (only with {@code --notify}). */
        NOTIFIER_KILLED,
        /**
         * SIGKILL of the binlog relay with payments committed after its last saved position (only
         * with {@code --publisher binlog}); started again, it must read them again.
         */
        RELAY_KILLED
    }

    /**
     * The kinds a campaign strikes with. With the notifier ({@code --notify}) it is killed too, and
     * the kinds that lose a message on purpose are left out (a stalled transaction's message, a
     * wiped store, a broker gone for good): scheme 2 hears only what the broker delivers, and what
     * it never hears, reconciliation restores, as the campaign without the notifier shows. The
     * failing consumer is left out too: it is seen in the broker consumer's dead letters, and that
     * consumer is off (callbacks that fail meanwhile are retried on the notifier's schedule); so are
     * the forged messages, which count once the consumer set them all aside: with the consumer off,
     * the notifier refuses the unsigned ones itself and the receiver refuses the rest by callback
     * (NotifyCallbackSecurityIntegrationTests shows that part).
     */
    static List<Kind> kinds(boolean notify) {
        return kinds(notify, false);
    }

    /**
     * The same; with the binlog relay as the publisher ({@code --publisher binlog}) it is killed
     * too, and the faults of the account side and the broker's that no publisher changes are left
     * to the other campaigns (the account service killed, duplicates, a consumer failing, forged
     * messages, accounts opened late, a wiped store, the second instances killed): this one is
     * about getting every payment out of the binlog, whatever the relay, the pay service, the
     * broker and the database go through.
     */
    static List<Kind> kinds(boolean notify, boolean binlog) {
        List<Kind> kinds = new ArrayList<>(List.of(Kind.values()));
        if (binlog) {
            kinds.removeAll(List.of(
                    Kind.ACCOUNT_KILLED,
                    Kind.DUPLICATE_MESSAGES,
                    Kind.CONSUMER_FAILING,
                    Kind.FORGED_MESSAGES,
                    Kind.ACCOUNTS_OPENED_LATE,
                    Kind.BROKER_STORE_WIPED,
                    Kind.SECOND_INSTANCES_KILLED));
        } else {
            kinds.remove(Kind.RELAY_KILLED);
        }
        if (notify) {
            kinds.removeAll(List.of(
                    Kind.TRANSACTION_STALLED,
                    Kind.BROKER_STORE_WIPED,
                    Kind.SECOND_INSTANCES_KILLED,
                    Kind.CONSUMER_FAILING,
                    Kind.FORGED_MESSAGES));
        } else {
            kinds.remove(Kind.NOTIFIER_KILLED);
        }
        return kinds;
    }

    /** What a fault did, and whether it really happened (a kill with no payment in its window did not). */
    record Outcome(String detail, boolean happened) {}

    /**
     * One fault as it happened, for the report's {@code fault_log}. Its fields keep the camelCase
     * names of the reports already published, unlike the rest of the report.
     */
    record Injected(
            Kind kind,
            @JsonProperty("atSeconds") double atSeconds,
            @JsonProperty("tookSeconds") double tookSeconds,
            String detail,
            boolean happened) {}

    private final ProcessFaults processes;
    private final DataFaults data;
    private final MessageFaults messages;
    private final LateAccounts lateAccounts;
    private final List<String> accounts;
    private final Random random;
    private final ReceiverGate gate;

    Faults(
            Workspace workspace,
            LocalStack stack,
            Databases db,
            Random random,
            Duration consumerFailure,
            List<String> accounts,
            LateAccounts lateAccounts,
            ReceiverGate gate) {
        this.processes = new ProcessFaults(workspace, stack, random);
        this.data = new DataFaults(stack, db, consumerFailure);
        this.messages = new MessageFaults(workspace, stack, db, random);
        this.lateAccounts = lateAccounts;
        this.accounts = accounts;
        this.random = random;
        this.gate = gate;
    }

    private static Outcome both(Outcome first, Outcome second) {
        return new Outcome(first.detail() + "; " + second.detail(), first.happened() && second.happened());
    }

    /** Every one of {@code kinds} once, then random ones up to {@code count}, in a seeded random order. */
    static List<Kind> schedule(int count, Random random, List<Kind> kinds) {
        List<Kind> schedule = new ArrayList<>(kinds);
        while (schedule.size() < count) {
            schedule.add(kinds.get(random.nextInt(kinds.size())));
        }
        Collections.shuffle(schedule, random);
        return schedule;
    }

    /** Injects one fault while {@code load}'s customers pay; returns what was done. */
    Outcome inject(Kind kind, ChaosLoad load) throws IOException, SQLException {
        return switch (kind) {
            case PAY_KILLED -> processes.payKilled();
            case PAY_KILLED_AFTER_LOCAL_COMMIT -> processes.payKilledAfterLocalCommit(load, accounts.get(1));
            case ACCOUNT_KILLED -> processes.accountKilled();
            case BROKER_KILLED -> processes.brokerKilled();
            case BROKER_STORE_WIPED -> processes.brokerStoreWiped();
            case DB_CONNECTIONS_KILLED -> data.killServiceConnections();
            case TRANSACTION_STALLED -> data.stallTransaction(accounts.get(random.nextInt(accounts.size())));
            case DUPLICATE_MESSAGES -> messages.resend(load.paid);
            case FORGED_MESSAGES -> both(messages.forge(accounts), messages.forgeHalfMessages(accounts));
            case CONSUMER_FAILING -> data.lockHotAccount(load);
            case ACCOUNTS_OPENED_LATE -> lateAccounts.payThenOpen(load);
            case SECOND_INSTANCES_KILLED -> processes.secondInstancesKilled();
            case NOTIFIER_KILLED -> processes.notifierKilled(data, gate, load, accounts.get(0));
            case RELAY_KILLED -> processes.relayKilled(data, load, accounts.get(0));
        };
    }
}
