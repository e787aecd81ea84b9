package io.dtx.walkthrough.chaos;

import io.dtx.walkthrough.probe.ReceiverGate;
import io.dtx.walkthrough.probe.Waits;
import io.dtx.walkthrough.stack.LocalStack;
import io.dtx.walkthrough.stack.PauseMoment;
import io.dtx.walkthrough.stack.Workspace;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Processes dying: SIGKILL of a service or of the broker, and a broker that loses its disks. */
final class ProcessFaults {

    private final Workspace workspace;
    private final LocalStack stack;
    private final Random random;

    ProcessFaults(Workspace workspace, LocalStack stack, Random random) {
        this.workspace = workspace;
        this.stack = stack;
        this.random = random;
    }

    Faults.Outcome payKilled() {
        Waits.sleep(random.nextInt(500));
        long pid = stack.pay().pid();
        stack.pay().kill();
        stack.startPay();
        return new Faults.Outcome("pid " + pid + " killed, restarted", true);
    }

    /** Happened only if a payment really sat between its local commit and COMMIT when the kill came. */
    Faults.Outcome payKilledAfterLocalCommit(ChaosLoad load, String accountNo) throws IOException {
        PauseMoment.AFTER_LOCAL_COMMIT.pauseAt(workspace);
        // The customers may all be done by now: one payment of the fault's own walks into the window
        // (its client retries with its key once the pay service is back, as theirs do).
        CompletableFuture.runAsync(() -> load.payExtra(accountNo, new BigDecimal("3.33")));
        // Every payment that commits from now on waits in the window; kill as soon as one is there.
        boolean inWindow = Waits.eventually(
                Duration.ofSeconds(10), () -> !PauseMoment.paused(workspace).isEmpty());
        String txNo = PauseMoment.paused(workspace);
        long pid = stack.pay().pid();
        stack.pay().kill();
        PauseMoment.resume(workspace);
        stack.startPay();
        return inWindow
                ? new Faults.Outcome(
                        "pid " + pid + " killed with payment " + txNo + " (and any others) committed but not confirmed",
                        true)
                : new Faults.Outcome("pid " + pid + " killed; no payment reached the window in 10 s", false);
    }

    /**
     * The receiver is made slow (each callback held 2 s at the gate) and three payments are made,
     * so that calls are under way; the kill comes as soon as one is. Happened only if a call of a
     * real payment's notification was under way when the kill came.
     */
    Faults.Outcome notifierKilled(DataFaults data, ReceiverGate gate, ChaosLoad load, String accountNo) {
        long[] inFlight = {0};
        long pid = stack.notifier().process().pid();
        gate.holdEachCall(Duration.ofSeconds(2));
        boolean caught;
        try {
            for (int i = 0; i < 3; i++) {
                load.payExtra(accountNo, new BigDecimal("1.11"));
            }
            caught = Waits.eventually(Duration.ofSeconds(15), () -> (inFlight[0] = data.callsInFlight()) > 0);
            stack.notifier().kill();
        } finally {
            gate.holdEachCall(Duration.ZERO);
        }
        stack.notifier().restart();
        return new Faults.Outcome(
                "pid " + pid + " killed with " + inFlight[0] + " call(s) under way, restarted", caught);
    }

    /**
     * The binlog relay dies mid-stream, under load: a burst of payments is under way (one after
     * the other, beside the customers) when the SIGKILL comes, after the burst's third payment and
     * before its last five. The moment is counted, not timed: an idle stack pays and relays ten
     * payments in well under a second, so a kill "150 ms in" could come after the whole burst was
     * relayed. Seen from the database once the relay is dead: how many payments were committed
     * but not yet saved when the kill came (work it must read again: some runs have none, the
     * relay being that quick), and how many the restarted relay owes in all (those and the five
     * committed while it was down, which it must not skip). The fault counts if it owes any.
     */
    Faults.Outcome relayKilled(DataFaults data, ChaosLoad load, String accountNo) {
        long pid = stack.relay().process().pid();
        CountDownLatch threePaid = new CountDownLatch(3);
        CountDownLatch killed = new CountDownLatch(1);
        CompletableFuture<Void> burst = CompletableFuture.runAsync(
                () -> {
                    for (int i = 0; i < 3; i++) {
                        load.payExtra(accountNo, new BigDecimal("1.23"));
                        threePaid.countDown();
                    }
                    await(killed);
                    for (int i = 0; i < 5; i++) {
                        load.payExtra(accountNo, new BigDecimal("1.23"));
                    }
                },
                task -> new Thread(task, "relay-fault-burst").start()); // not the common pool: it may be busy
        long atKill;
        try {
            await(threePaid);
            stack.relay().kill();
            atKill = data.paymentsAfterRelaySave();
        } finally {
            killed.countDown();
        }
        burst.orTimeout(15, TimeUnit.MINUTES).join();
        long owed = data.paymentsAfterRelaySave();
        Waits.sleep(500 + random.nextInt(1_500));
        stack.relay().start();
        return new Faults.Outcome(
                "pid " + pid + " killed during a burst of payments: " + atKill
                        + " committed but not saved at the kill, " + owed
                        + " after its last saved position in all; restarted",
                owed > 0);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the relay fault's burst did not get that far in 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    Faults.Outcome accountKilled() {
        long pid = stack.account().pid();
        stack.account().kill();
        stack.startAccount();
        return new Faults.Outcome("pid " + pid + " killed, restarted", true);
    }

    Faults.Outcome brokerKilled() {
        long pid = stack.broker().pid();
        stack.killBroker();
        Waits.sleep(2_000 + random.nextInt(3_000)); // the clients see it gone for a while
        stack.restartBroker();
        return new Faults.Outcome("pid " + pid + " killed, restarted on its store", true);
    }

    /**
     * The second broker and the second instance of each service die for good, under load: their
     * half messages are asked about by the surviving pay instance, their queues move to the
     * surviving account instance, and what the dead broker held is reconciliation's to restore.
     */
    Faults.Outcome secondInstancesKilled() {
        List<String> killed = stack.killSecondInstances();
        return new Faults.Outcome("killed for good " + killed, killed.size() == 3);
    }

    /** Half messages, undelivered messages and offsets all gone: only reconciliation can restore credits. */
    Faults.Outcome brokerStoreWiped() {
        long pid = stack.broker().pid();
        boolean wiped = stack.wipeBrokerStore();
        return new Faults.Outcome("pid " + pid + " killed, its store deleted, restarted empty", wiped);
    }
}
