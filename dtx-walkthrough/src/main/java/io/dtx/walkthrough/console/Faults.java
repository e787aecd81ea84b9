package io.dtx.walkthrough.console;

import io.dtx.walkthrough.probe.Databases;
import io.dtx.walkthrough.probe.Http;
import io.dtx.walkthrough.probe.Redelivery;
import io.dtx.walkthrough.probe.Reply;
import io.dtx.walkthrough.probe.Waits;
import io.dtx.walkthrough.stack.LocalStack;
import io.dtx.walkthrough.stack.PauseMoment;
import io.dtx.walkthrough.stack.Workspace;
import io.dtx.walkthrough.words.Words;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's buttons: the demo's faults, caused for real on the local stack (a SIGKILL, a
 * broker stopped, a row lock held), one at a time. Restarts run in the background so the page
 * keeps showing what happens meanwhile.
 */
final class Faults {

    /** What pressing a button did; {@code txNo} names the payment it concerns, if any. */
    record Outcome(boolean done, String message, String txNo) {}

    private static final Pattern AMOUNT = Pattern.compile("\"amount\"\\s*:\\s*\"?([0-9.]+)");
    private static final Pattern ACCOUNT = Pattern.compile("\"accountNo\"\\s*:\\s*\"([^\"]+)\"");
    static final String HOT_ACCOUNT = "1";

    private final Workspace workspace;
    private final LocalStack stack;
    private final Http http;
    private final JourneyBook book;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "console-fault");
        thread.setDaemon(true);
        return thread;
    });

    private final Words words;
    private final AtomicInteger restarting = new AtomicInteger();

    Faults(Workspace workspace, LocalStack stack, Http http, JourneyBook book, Words words) {
        this.words = words;
        this.book = book;
        this.workspace = workspace;
        this.stack = stack;
        this.http = http;
    }

    Reply recharge(String accountNo, String amount) {
        String body = "{\"accountNo\":\"" + accountNo + "\",\"amount\":\"" + amount + "\"}";
        return http.post(workspace.payUrl() + "/pay/recharges", body, null);
    }

    /**
     * Pays with the pay service paused right after its local commit, kills it there, restarts it.
     * The pause holds whichever payment reaches it first: a recharge from the form in that moment
     * may be the one.
     */
    Outcome killPayAfterCommit() throws IOException {
        PauseMoment.AFTER_LOCAL_COMMIT.pauseAt(workspace);
        CompletableFuture<Reply> client;
        String txNo;
        try {
            client = CompletableFuture.supplyAsync(() -> recharge(HOT_ACCOUNT, "250.00"));
            if (!Waits.eventually(
                    Duration.ofSeconds(30), () -> !PauseMoment.paused(workspace).isEmpty())) {
                PauseMoment.resume(workspace);
                return new Outcome(
                        false, words.text("said.neverCommitted", client.join().body()), null);
            }
            txNo = PauseMoment.paused(workspace);
            // Once the page has the payment committed: a learner sees it wait, then the crash.
            Waits.eventually(Duration.ofSeconds(5), () -> book.has(txNo, "LOCAL_COMMIT"));
            stack.pay().kill();
        } finally {
            PauseMoment.resume(workspace); // never leave the next pay service paused
        }
        client.join();
        inBackground(stack::startPay);
        return new Outcome(true, words.text("said.payKilled", txNo), txNo);
    }

    void close() {
        background.shutdownNow();
    }

    /** A restart is under way: the buttons wait for it (another start would launch a second JVM). */
    boolean restarting() {
        return restarting.get() > 0;
    }

    private void inBackground(Runnable restart) {
        restarting.incrementAndGet();
        try {
            background.execute(() -> {
                try {
                    restart.run();
                } finally {
                    restarting.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            restarting.decrementAndGet(); // the console is closing
            throw e;
        }
    }

    Outcome stopAccount() {
        stack.account().kill();
        return new Outcome(
                true, words.text("said.accountKilled", stack.account().pid()), null);
    }

    Outcome startAccount() {
        if (stack.account().handle().isAlive()) {
            return new Outcome(false, words.text("said.accountRunning"), null);
        }
        inBackground(stack::startAccount);
        return new Outcome(true, words.text("said.accountStarting"), null);
    }

    Outcome stopBroker() {
        stack.killBroker();
        return new Outcome(true, words.text("said.brokerKilled"), null);
    }

    Outcome startBroker() {
        if (stack.broker().handle().isAlive()) {
            return new Outcome(false, words.text("said.brokerRunning"), null);
        }
        inBackground(stack::restartBroker);
        return new Outcome(true, words.text("said.brokerStarting"), null);
    }

    /** The payment's message once more, signed with the run's key: a redelivery, for real. */
    Outcome duplicate(String txNo) {
        Reply payment = http.get(workspace.payUrl() + "/pay/recharges/" + txNo);
        Matcher account = ACCOUNT.matcher(payment.body());
        Matcher amount = AMOUNT.matcher(payment.body());
        if (payment.status() != 200 || !account.find() || !amount.find()) {
            return new Outcome(false, words.text("said.noPayment", txNo, payment.status()), txNo);
        }
        if (!payment.body().contains("\"result\":\"SUCCESS\"")) {
            // Signed with the run's key, a message for a payment never taken would be credited.
            return new Outcome(false, words.text("said.notTaken", txNo), txNo);
        }
        String body = "{\"txNo\":\"" + txNo + "\",\"accountNo\":\"" + account.group(1) + "\",\"amount\":"
                + amount.group(1) + "}";
        Redelivery.send(stack.namesrvAddr(), stack.messageSigning(), List.of(new Redelivery.Copy(txNo, body)));
        return new Outcome(true, words.text("said.duplicateSent", txNo), txNo);
    }

    /** Holds the hot account's row lock for a while, as a long report or a stuck session would. */
    Outcome lockHotAccount(Duration holdFor) {
        CompletableFuture<Boolean> locked = new CompletableFuture<>();
        Thread holder = new Thread(
                () -> {
                    try (Connection c = new Databases(stack).connect("bank1");
                            Statement s = c.createStatement()) {
                        c.setAutoCommit(false);
                        s.executeQuery("SELECT account_balance FROM account_info WHERE account_no = '" + HOT_ACCOUNT
                                + "' FOR UPDATE");
                        if (!locked.complete(true)) {
                            c.rollback(); // the button already said "no lock": do not hold one now
                            return;
                        }
                        Thread.sleep(holdFor.toMillis());
                        c.rollback();
                    } catch (SQLException | RuntimeException e) {
                        locked.complete(false);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        locked.complete(false); // no effect once completed; never leaves the button waiting
                    }
                },
                "console-lock");
        holder.setDaemon(true);
        holder.start();
        boolean held = locked.completeOnTimeout(false, 30, TimeUnit.SECONDS).join();
        return new Outcome(
                held,
                held ? words.text("said.locked", HOT_ACCOUNT, holdFor.toSeconds()) : words.text("said.noLock"),
                null);
    }
}
