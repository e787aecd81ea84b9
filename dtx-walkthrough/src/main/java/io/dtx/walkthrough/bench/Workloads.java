package io.dtx.walkthrough.bench;

import io.dtx.walkthrough.probe.Databases;
import io.dtx.walkthrough.probe.Waits;
import io.dtx.walkthrough.stack.Workspace;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/** The load the benchmark offers: on the database alone, and on either path of the pay service. */
final class Workloads {

    /** The original demo's design, send after commit: the pay service's lab seam. */
    static final String NAIVE = "/lab/naive-recharges";

    static final String DTX = "/pay/recharges";

    /** Write the queue first: answered 202, paid when the pay service consumes the request. */
    static final String QUEUE_FIRST = "/pay/recharge-requests";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8))
            .build();
    private static final String BODY = "{\"accountNo\":\"%s\",\"amount\":\"1.00\"}";
    private static final String PAYMENT =
            "INSERT INTO account_pay (id, account_no, pay_amount, result) VALUES (?, ?, 1.00, 'success')";
    private static final String DEDUP =
            "INSERT INTO de_duplication (tx_no, account_no, amount, applied_by) VALUES (?, ?, 1.00, 'MESSAGE')";
    private static final String CREDIT =
            "UPDATE account_info SET account_balance = account_balance + 1.00 WHERE account_no = ?";

    private final Workspace workspace;
    private final Databases db;
    private final int concurrency;
    private final Duration saturation;
    private final Duration latencyRun;
    private final String run;

    Workloads(
            Workspace workspace, Databases db, int concurrency, Duration saturation, Duration latencyRun, String run) {
        this.workspace = workspace;
        this.db = db;
        this.concurrency = concurrency;
        this.saturation = saturation;
        this.latencyRun = latencyRun;
        this.run = run;
    }

    Workloads withConcurrency(int clients) {
        return new Workloads(workspace, db, clients, saturation, latencyRun, run);
    }

    /** Fresh accounts for one measurement: its credits are then counted by their common prefix. */
    List<String> accounts(String purpose, int count) {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String accountNo = "b" + run + "-" + purpose + "-" + i;
            db.update(
                    "bank1",
                    "INSERT INTO account_info (account_name, account_no, account_balance)"
                            + " VALUES ('bench', ?, 0.00)",
                    accountNo);
            accounts.add(accountNo);
        }
        return accounts;
    }

    /** The database alone: the two commits of a recharge, at the same concurrency. */
    double ceiling(List<String> accounts) {
        AtomicLong done = new AtomicLong();
        long deadline = System.nanoTime() + saturation.toNanos();
        long t0 = System.nanoTime();
        inParallel(() -> {
            try {
                commitRecharges(accounts, deadline, done);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return done.get() / ((System.nanoTime() - t0) / 1e9);
    }

    private void commitRecharges(List<String> accounts, long deadline, AtomicLong done) throws SQLException {
        try (Connection pay = db.connect("bank1_pay");
                Connection bank = db.connect("bank1");
                PreparedStatement payment = pay.prepareStatement(PAYMENT);
                PreparedStatement dedup = bank.prepareStatement(DEDUP);
                PreparedStatement credit = bank.prepareStatement(CREDIT)) {
            pay.setAutoCommit(false);
            bank.setAutoCommit(false);
            while (System.nanoTime() < deadline) {
                String txNo = UUID.randomUUID().toString();
                String account = accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()));
                payment.setString(1, txNo);
                payment.setString(2, account);
                payment.executeUpdate();
                pay.commit();
                dedup.setString(1, txNo);
                dedup.setString(2, account);
                dedup.executeUpdate();
                credit.setString(1, account);
                credit.executeUpdate();
                bank.commit();
                done.incrementAndGet();
            }
        }
    }

    /** Closed loop at the configured concurrency; throughput is payments credited per second. */
    double saturation(String path, List<String> accounts) {
        return saturation(workspace.payUrl(), path, accounts);
    }

    /** The same against the pay instance at {@code payUrl}. */
    double saturation(String payUrl, String path, List<String> accounts) {
        long deadline = System.nanoTime() + saturation.toNanos();
        awaitCredited(accounts, closedLoop(payUrl, path, accounts, () -> System.nanoTime() < deadline));
        Map<String, Object> span = db.rows("bank1", """
                SELECT TIMESTAMPDIFF(MICROSECOND, MIN(p.created_at), MAX(d.create_time)) AS micros, COUNT(*) AS credited
                FROM bank1_pay.account_pay p JOIN bank1.de_duplication d ON d.tx_no = p.id
                WHERE p.account_no LIKE ?""", prefixOf(accounts)).get(0);
        return ((Number) span.get("credited")).doubleValue() / (((Number) span.get("micros")).doubleValue() / 1e6);
    }

    /** Closed loop until {@code count} payments were offered; how many were taken (2xx). */
    long pay(String path, List<String> accounts, int count) {
        AtomicLong offered = new AtomicLong();
        return closedLoop(workspace.payUrl(), path, accounts, () -> offered.incrementAndGet() <= count);
    }

    /** Each client pays, waits for the answer, pays again, while {@code more} says so; how many were taken. */
    private long closedLoop(String payUrl, String path, List<String> accounts, BooleanSupplier more) {
        AtomicLong accepted = new AtomicLong();
        inParallel(() -> {
            while (more.getAsBoolean()) {
                String account = accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()));
                if (post(payUrl, path, account) / 100 == 2) {
                    accepted.incrementAndGet();
                }
            }
        });
        return accepted.get();
    }

    /** Open loop at a fixed rate; returns each payment's commit-to-credit time in microseconds, sorted. */
    List<Long> latency(List<String> accounts, double ratePerSecond) {
        return latency(workspace.payUrl(), DTX, accounts, ratePerSecond);
    }

    /** The same on {@code path} of {@code payUrl}, from each commit (queue first: its wait on the broker too). */
    List<Long> latency(String payUrl, String path, List<String> accounts, double ratePerSecond) {
        long intervalNanos = (long) (1e9 / ratePerSecond);
        long t0 = System.nanoTime();
        long end = t0 + latencyRun.toNanos();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (long next = t0; next < end; next += intervalNanos) {
            while (System.nanoTime() < next) {
                Thread.onSpinWait();
            }
            String account = accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()));
            calls.add(HTTP.sendAsync(request(payUrl, path, account), HttpResponse.BodyHandlers.ofString()));
        }
        long accepted = calls.stream()
                .map(CompletableFuture::join)
                .filter(r -> r.statusCode() / 100 == 2)
                .count();
        awaitCredited(accounts, accepted);
        return creditTimes(accounts);
    }

    /** Each payment to these accounts: its commit-to-credit time in microseconds, sorted. */
    List<Long> creditTimes(List<String> accounts) {
        return db.rows("bank1", """
                SELECT TIMESTAMPDIFF(MICROSECOND, p.created_at, d.create_time) AS micros
                FROM bank1_pay.account_pay p JOIN bank1.de_duplication d ON d.tx_no = p.id
                WHERE p.account_no LIKE ? ORDER BY micros""", prefixOf(accounts)).stream()
                .map(row -> ((Number) row.get("micros")).longValue())
                .toList();
    }

    Databases db() {
        return db;
    }

    long credited(List<String> accounts) {
        return db.scalar(
                "bank1", "SELECT COUNT(*) FROM de_duplication WHERE account_no LIKE ?", Long.class, prefixOf(accounts));
    }

    void awaitCredited(List<String> accounts, long expected) {
        if (!Waits.eventually(Duration.ofSeconds(300), () -> credited(accounts) >= expected)) {
            throw new IllegalStateException("Not every accepted payment was credited within 5 minutes");
        }
    }

    private int post(String payUrl, String path, String account) {
        try {
            return HTTP.send(request(payUrl, path, account), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private HttpRequest request(String payUrl, String path, String account) {
        return HttpRequest.newBuilder(URI.create(payUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY.formatted(account)))
                .build();
    }

    private void inParallel(Runnable worker) {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<CompletableFuture<Void>> workers = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                workers.add(CompletableFuture.runAsync(worker, pool));
            }
            CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }
    }

    static String prefixOf(List<String> accounts) {
        String first = accounts.get(0);
        return first.substring(0, first.lastIndexOf('-') + 1) + "%";
    }
}
