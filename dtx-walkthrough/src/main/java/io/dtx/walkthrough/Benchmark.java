package io.dtx.walkthrough;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./dtx bench}: the cost of reliability, measured side by side in one run on one database.
 *
 * <ul>
 *   <li><b>ceiling</b>: the database's own commit rate for the work of a recharge (one commit in
 *       bank1_pay, one in bank1 with the dedup insert and the balance update), over JDBC, at the
 *       same concurrency: no design can credit faster on this box;</li>
 *   <li><b>naive</b>: the original demo's design, a plain send after the payment commits
 *       (the bench-only endpoint {@code /bench/naive-recharges});</li>
 *   <li><b>dtx</b>: the real path, HTTP, half message, local transaction, consume, dedup credit.</li>
 * </ul>
 * Naive and dtx throughput is end to end: payments credited per second, from the first payment's
 * commit to the last credit's commit (server timestamps). Time-to-credit percentiles are measured
 * at a fixed offered load of half the dtx saturation rate.
 */
final class Benchmark {

    /**
     * @param profile record each JVM with JDK Flight Recorder, and summarise the samples taken
     *        during the dtx saturation runs
     */
    record Settings(int concurrency, Duration saturation, Duration latencyRun, int accounts, int warmUpRounds, boolean profile) {
        static Settings full() {
            return new Settings(16, Duration.ofSeconds(20), Duration.ofSeconds(20), 100, 10, false);
        }

        static Settings quick() {
            return new Settings(8, Duration.ofSeconds(4), Duration.ofSeconds(4), 20, 1, false);
        }

        Settings profiled() {
            return new Settings(concurrency, saturation, latencyRun, accounts, warmUpRounds, true);
        }
    }

    private record Window(Instant from, Instant to) {
    }

    /** Warm: the JIT compilers together were busy for less than this share of a warm-up round. */
    private static final double WARM_COMPILE_SHARE = 0.05;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8)).build();
    private static final String BODY = "{\"accountNo\":\"%s\",\"amount\":\"1.00\"}";

    private final Workspace workspace;
    private final LocalStack stack;
    private final Settings settings;
    private final PrintStream out;
    private Path outDir;
    /** When each scenario's dtx saturation run happened, for reading the profiles afterwards. */
    private final Map<String, Window> dtxRuns = new LinkedHashMap<>();
    private final String run = Long.toString(System.currentTimeMillis() % 100_000_000, 36);

    private Benchmark(Workspace workspace, LocalStack stack, Settings settings, PrintStream out) {
        this.workspace = workspace;
        this.stack = stack;
        this.settings = settings;
        this.out = out;
    }

    /** Starts a fresh stack, runs both scenarios, writes latest.json, latest.md and latest.png to outDir. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> run(Workspace workspace, Settings settings, Path outDir, PrintStream out) {
        System.setProperty("java.awt.headless", "true");
        LocalStack stack = new LocalStack(workspace, List.of("--dtx.pay.bench.naive-endpoint=true"),
                Map.of("ACCOUNT_RECONCILE_ENABLED", "false", "ACCOUNT_MAX_RECONSUME_TIMES", "16"), JavaProcess.BENCH_JVM);
        try {
            out.println("Starting the sandbox and both services...");
            stack.start();
            Benchmark bench = new Benchmark(workspace, stack, settings, out);
            bench.outDir = outDir;
            // Started before the warm-up: starting Flight Recorder makes a JVM recompile for a
            // while, which must not fall into a measured run.
            bench.profiled().forEach((process, jvm) -> Profiler.start(jvm, bench.recording(process)));
            Map<String, Object> warmUp = bench.warmUp();
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("settings", Map.of("concurrency", settings.concurrency(), "saturation_s", settings.saturation().toSeconds(),
                    "latency_run_s", settings.latencyRun().toSeconds(), "accounts", settings.accounts()));
            report.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "os", System.getProperty("os.name") + " " + System.getProperty("os.version"),
                    "java", System.getProperty("java.version")));
            report.put("database", bench.databaseSettings());
            report.put("warm_up", warmUp);
            report.put("many_accounts", bench.scenario("many_accounts", settings.accounts()));
            report.put("hot_account", bench.scenario("hot_account", 1));
            bench.profiled().values().forEach(Profiler::stop);
            // Read once the recordings are complete: where the CPU went during each dtx run.
            bench.dtxRuns.forEach((scenario, window) -> ((Map<String, Object>) report.get(scenario)).put("dtx_profile", bench.profiles(window)));
            write(report, outDir);
            return report;
        } finally {
            stack.close();
        }
    }

    /**
     * Runs both paths, results discarded, until the JVMs are warm: until their JIT compilers
     * worked less than {@link #WARM_COMPILE_SHARE} of a round (or {@link Settings#warmUpRounds()}
     * rounds passed). On two cores a JVM that is still compiling measures its compiler, not dtx.
     */
    private Map<String, Object> warmUp() {
        out.println("Warming up both paths until the JIT compilers settle (not measured)...");
        Benchmark warm = new Benchmark(workspace, stack, new Settings(settings.concurrency(), settings.saturation().dividedBy(2),
                settings.latencyRun(), settings.accounts(), 1, false), new PrintStream(PrintStream.nullOutputStream()));
        int round = 0;
        double compileShare;
        long start = System.nanoTime();
        do {
            round++;
            Duration compiledBefore = compileTime();
            long roundStart = System.nanoTime();
            warm.saturation("/bench/naive-recharges", warm.accounts("warmup" + round + "-naive", 10));
            warm.saturation("/pay/recharges", warm.accounts("warmup" + round + "-dtx", 10));
            compileShare = (compileTime().toNanos() - compiledBefore.toNanos()) / (double) (System.nanoTime() - roundStart);
            out.printf("  round %d: JIT compilers busy %.0f%% of the round%n", round, 100 * compileShare);
        } while (compileShare > WARM_COMPILE_SHARE && round < settings.warmUpRounds());
        return Map.of("rounds", round, "seconds", Math.round((System.nanoTime() - start) / 1e9),
                "last_round_jit_share", round(compileShare));
    }

    /**
     * Compile time of both services so far. The broker runs with the quick-start JVM settings
     * (C1 only), whose compiling is over within seconds of its start.
     */
    private Duration compileTime() {
        return Profiler.compileTime(stack.pay()).plus(Profiler.compileTime(stack.account()));
    }

    /** The JVMs recorded with {@code --profile}, by the name used in the report. */
    private Map<String, JavaProcess> profiled() {
        return settings.profile()
                ? Map.of("pay_service", stack.pay(), "account_service", stack.account(), "broker_jvm", stack.broker()) : Map.of();
    }

    private Path recording(String process) {
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return outDir.resolve("profile-" + process + ".jfr");
    }

    /** Where each recorded JVM spent its CPU samples within a time window. */
    private Map<String, Object> profiles(Window window) {
        Map<String, Object> profiles = new LinkedHashMap<>();
        profiled().keySet().stream().sorted()
                .forEach(process -> profiles.put(process, Profiler.summarize(recording(process), window.from(), window.to(), 12)));
        return profiles;
    }

    private Map<String, Object> scenario(String name, int accountCount) {
        out.printf("%n== %s (%d account%s, concurrency %d)%n", name, accountCount, accountCount == 1 ? "" : "s", settings.concurrency());
        double ceiling = ceiling(accounts(name + "-ceiling", accountCount));
        out.printf("  ceiling (database commits)      %8.1f recharges/s%n", ceiling);
        List<String> naiveAccounts = accounts(name + "-naive", accountCount);
        Map<String, Duration> naiveCpuBefore = cpuByProcess();
        long naiveStart = System.nanoTime();
        double naive = saturation("/bench/naive-recharges", naiveAccounts);
        double naiveSeconds = (System.nanoTime() - naiveStart) / 1e9;
        Map<String, Duration> naiveCpuAfter = cpuByProcess();
        out.printf("  naive (send after commit)       %8.1f recharges/s credited%n", naive);
        // Same accounting for naive, so the two designs' costs can be compared process by process.
        Map<String, Object> naiveCpu = cpuPerRecharge("naive", naiveCpuBefore, naiveCpuAfter, credited(naiveAccounts), naiveSeconds);
        List<String> dtxAccounts = accounts(name + "-dtx", accountCount);
        Duration compiledBefore = compileTime();
        Map<String, Duration> cpuBefore = cpuByProcess();
        long wallStart = System.nanoTime();
        Instant runFrom = Instant.now();
        double dtx = saturation("/pay/recharges", dtxAccounts);
        Instant runTo = Instant.now();
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        Map<String, Duration> cpuAfter = cpuByProcess();
        double compileSeconds = (compileTime().toNanos() - compiledBefore.toNanos()) / 1e9;
        long credited = credited(dtxAccounts);
        out.printf("  dtx (half message + dedup)      %8.1f recharges/s credited%n", dtx);
        Map<String, Object> cpu = cpuPerRecharge("dtx", cpuBefore, cpuAfter, credited, wallSeconds);
        out.printf("  JIT compiling during the dtx run  %.1f s of %.1f s%n", compileSeconds, wallSeconds);
        double offered = Math.max(1, dtx / 2);
        List<Long> micros = latency(accounts(name + "-latency", accountCount), offered);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ceiling_tps", round(ceiling));
        result.put("naive_tps", round(naive));
        result.put("dtx_tps", round(dtx));
        result.put("dtx_vs_ceiling", round(dtx / ceiling));
        result.put("dtx_vs_naive", round(dtx / naive));
        result.put("naive_cpu_ms_per_recharge", naiveCpu);
        result.put("dtx_cpu_ms_per_recharge", cpu);
        // Still compiling while measured? Compiler threads share the two cores with the requests.
        result.put("dtx_jit_compile_s", round(compileSeconds));
        if (settings.profile()) {
            dtxRuns.put(name, new Window(runFrom, runTo));
        }
        result.put("latency_offered_tps", round(offered));
        result.put("latency_samples", micros.size());
        result.put("dtx_credit_ms_p50", percentile(micros, 50));
        result.put("dtx_credit_ms_p95", percentile(micros, 95));
        result.put("dtx_credit_ms_p99", percentile(micros, 99));
        out.printf("  time-to-credit at %.0f/s          p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d payments)%n",
                offered, result.get("dtx_credit_ms_p50"), result.get("dtx_credit_ms_p95"), result.get("dtx_credit_ms_p99"), micros.size());
        return result;
    }

    /**
     * CPU time of every process of the stack, and of this load generator: where a 2-core box
     * spends its cycles while dtx runs at saturation.
     */
    private Map<String, Duration> cpuByProcess() {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        cpu.put("pay_service", cpuOf(stack.pay().handle()));
        cpu.put("account_service", cpuOf(stack.account().handle()));
        cpu.put("broker_jvm", cpuOf(stack.broker().handle()));
        Duration database = stack.database().handle().descendants()
                .filter(p -> p.info().command().map(c -> c.contains("mariadbd") || c.contains("mysqld")).orElse(false))
                .map(Benchmark::cpuOf).reduce(Duration.ZERO, Duration::plus);
        cpu.put("mariadb", database);
        cpu.put("load_generator", cpuOf(ProcessHandle.current()));
        return cpu;
    }

    private static Duration cpuOf(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private Map<String, Object> cpuPerRecharge(String design, Map<String, Duration> before, Map<String, Duration> after, long credited,
                                               double wallSeconds) {
        Map<String, Object> perRecharge = new LinkedHashMap<>();
        double total = 0;
        StringBuilder line = new StringBuilder(String.format("  %-5s CPU ms per credited recharge:", design));
        for (String process : after.keySet()) {
            double millis = (after.get(process).toNanos() - before.get(process).toNanos()) / 1e6 / Math.max(1, credited);
            total += millis;
            perRecharge.put(process, round(millis));
            line.append(String.format(" %s %.2f", process, millis));
        }
        perRecharge.put("total", round(total));
        // Cores busy on average: near the machine's core count means the run was CPU-bound.
        perRecharge.put("cores_busy", round(total * credited / 1000 / wallSeconds));
        out.println(line.append(String.format("   total %.2f (%.2f of %d cores busy)", total, total * credited / 1000 / wallSeconds,
                Runtime.getRuntime().availableProcessors())));
        return perRecharge;
    }

    /** The database alone: the two commits of a recharge, at the same concurrency. */
    private double ceiling(List<String> accounts) {
        AtomicLong done = new AtomicLong();
        long deadline = System.nanoTime() + settings.saturation().toNanos();
        long t0 = System.nanoTime();
        inParallel(() -> {
            try (Connection pay = connect("bank1_pay"); Connection bank = connect("bank1");
                 PreparedStatement payment = pay.prepareStatement("INSERT INTO account_pay (id, account_no, pay_amount, result) VALUES (?, ?, 1.00, 'success')");
                 PreparedStatement dedup = bank.prepareStatement("INSERT INTO de_duplication (tx_no, account_no, amount, applied_by) VALUES (?, ?, 1.00, 'MESSAGE')");
                 PreparedStatement credit = bank.prepareStatement("UPDATE account_info SET account_balance = account_balance + 1.00 WHERE account_no = ?")) {
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
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return done.get() / ((System.nanoTime() - t0) / 1e9);
    }

    /** Closed loop at the configured concurrency; throughput is payments credited per second. */
    private double saturation(String path, List<String> accounts) {
        long deadline = System.nanoTime() + settings.saturation().toNanos();
        AtomicLong accepted = new AtomicLong();
        inParallel(() -> {
            while (System.nanoTime() < deadline) {
                String account = accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()));
                if (post(path, account) == 201) {
                    accepted.incrementAndGet();
                }
            }
        });
        awaitCredited(accounts, accepted.get());
        Map<String, Object> span = bank().rows("bank1", """
                SELECT TIMESTAMPDIFF(MICROSECOND, MIN(p.created_at), MAX(d.create_time)) AS micros, COUNT(*) AS credited
                FROM bank1_pay.account_pay p JOIN bank1.de_duplication d ON d.tx_no = p.id
                WHERE p.account_no LIKE ?""", prefixOf(accounts)).get(0);
        return ((Number) span.get("credited")).doubleValue() / (((Number) span.get("micros")).doubleValue() / 1e6);
    }

    /** Open loop at a fixed rate; returns each payment's commit-to-credit time in microseconds. */
    private List<Long> latency(List<String> accounts, double ratePerSecond) {
        long intervalNanos = (long) (1e9 / ratePerSecond);
        long t0 = System.nanoTime();
        long end = t0 + settings.latencyRun().toNanos();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (long next = t0; next < end; next += intervalNanos) {
            while (System.nanoTime() < next) {
                Thread.onSpinWait();
            }
            String account = accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()));
            calls.add(HTTP.sendAsync(request("/pay/recharges", account), HttpResponse.BodyHandlers.ofString()));
        }
        long accepted = calls.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 201).count();
        awaitCredited(accounts, accepted);
        return bank().rows("bank1", """
                SELECT TIMESTAMPDIFF(MICROSECOND, p.created_at, d.create_time) AS micros
                FROM bank1_pay.account_pay p JOIN bank1.de_duplication d ON d.tx_no = p.id
                WHERE p.account_no LIKE ? ORDER BY micros""", prefixOf(accounts))
                .stream().map(row -> ((Number) row.get("micros")).longValue()).toList();
    }

    private long credited(List<String> accounts) {
        return bank().scalar("bank1", "SELECT COUNT(*) FROM de_duplication WHERE account_no LIKE ?", Long.class, prefixOf(accounts));
    }

    private void awaitCredited(List<String> accounts, long expected) {
        boolean all = Bank.eventually(Duration.ofSeconds(120), () -> credited(accounts) >= expected);
        if (!all) {
            throw new IllegalStateException("Not every accepted payment was credited within 2 minutes");
        }
    }

    private Map<String, Object> databaseSettings() {
        Map<String, Object> row = bank().rows("bank1", """
                SELECT @@version AS version, @@innodb_flush_log_at_trx_commit AS innodb_flush_log_at_trx_commit,
                       @@sync_binlog AS sync_binlog, @@log_bin AS log_bin, @@innodb_buffer_pool_size AS innodb_buffer_pool_size""").get(0);
        Map<String, Object> settings = new LinkedHashMap<>();
        row.forEach((k, v) -> settings.put(k, v instanceof Number n ? n.longValue() : String.valueOf(v)));
        return settings;
    }

    private List<String> accounts(String purpose, int count) {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String accountNo = "b" + run + "-" + purpose + "-" + i;
            bank().update("bank1", "INSERT INTO account_info (account_name, account_no, account_balance) VALUES ('bench', ?, 0.00)", accountNo);
            accounts.add(accountNo);
        }
        return accounts;
    }

    private int post(String path, String account) {
        try {
            return HTTP.send(request(path, account), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private HttpRequest request(String path, String account) {
        return HttpRequest.newBuilder(URI.create(workspace.payUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(BODY.formatted(account))).build();
    }

    private void inParallel(Runnable worker) {
        ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency());
        try {
            List<CompletableFuture<Void>> workers = new ArrayList<>();
            for (int i = 0; i < settings.concurrency(); i++) {
                workers.add(CompletableFuture.runAsync(worker, pool));
            }
            CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }
    }

    private Connection connect(String schema) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(schema), stack.mysqlUser(), stack.mysqlPassword());
    }

    private Bank bank() {
        return new Bank(workspace, stack, new Narrator(new PrintStream(PrintStream.nullOutputStream()), false));
    }

    private static String prefixOf(List<String> accounts) {
        String first = accounts.get(0);
        return first.substring(0, first.lastIndexOf('-') + 1) + "%";
    }

    private static double percentile(List<Long> sortedMicros, int p) {
        if (sortedMicros.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedMicros.size()) - 1;
        return round(sortedMicros.get(Math.max(0, index)) / 1000.0);
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    static void write(Map<String, Object> report, Path outDir) {
        try {
            Files.createDirectories(outDir);
            report.put("generated_at", Instant.now().toString());
            JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
            Files.writeString(outDir.resolve("latest.json"), json.writeValueAsString(report));
            Files.writeString(outDir.resolve("latest.md"), markdown(report));
            ImageIO.write(chart(report), "png", outDir.resolve("latest.png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> report) {
        StringBuilder md = new StringBuilder("| scenario | ceiling (rech/s) | naive (rech/s) | dtx (rech/s) | dtx / ceiling | dtx / naive | time-to-credit p50 / p95 / p99 (ms) at load |\n")
                .append("|---|---:|---:|---:|---:|---:|---|\n");
        for (String scenario : List.of("many_accounts", "hot_account")) {
            Map<String, Object> r = (Map<String, Object>) report.get(scenario);
            md.append(String.format("| %s | %s | %s | %s | %.0f%% | %.0f%% | %s / %s / %s at %s/s |%n", scenario, r.get("ceiling_tps"), r.get("naive_tps"),
                    r.get("dtx_tps"), 100 * (double) r.get("dtx_vs_ceiling"), 100 * (double) r.get("dtx_vs_naive"), r.get("dtx_credit_ms_p50"),
                    r.get("dtx_credit_ms_p95"), r.get("dtx_credit_ms_p99"), r.get("latency_offered_tps")));
        }
        md.append("\nDatabase: ").append(report.get("database")).append("\nSettings: ").append(report.get("settings"))
                .append("\nMachine: ").append(report.get("machine")).append('\n');
        return md.toString();
    }

    @SuppressWarnings("unchecked")
    static BufferedImage chart(Map<String, Object> report) {
        BufferedImage image = new BufferedImage(1000, 420, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1000, 420);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        List<String> scenarios = List.of("many_accounts", "hot_account");
        drawPanel(g, 40, "Throughput (recharges/s credited)", scenarios, List.of("ceiling_tps", "naive_tps", "dtx_tps"),
                List.of("ceiling", "naive", "dtx"), report);
        drawPanel(g, 540, "dtx time-to-credit at half load (ms)", scenarios, List.of("dtx_credit_ms_p50", "dtx_credit_ms_p95", "dtx_credit_ms_p99"),
                List.of("p50", "p95", "p99"), report);
        g.dispose();
        return image;
    }

    @SuppressWarnings("unchecked")
    private static void drawPanel(Graphics2D g, int x0, String title, List<String> scenarios, List<String> keys, List<String> labels,
                                  Map<String, Object> report) {
        Color[] colors = {new Color(0x9e9e9e), new Color(0xef8a62), new Color(0x2166ac)};
        int top = 50;
        int height = 300;
        double max = 0;
        for (String s : scenarios) {
            for (String k : keys) {
                max = Math.max(max, ((Number) ((Map<String, Object>) report.get(s)).get(k)).doubleValue());
            }
        }
        max = max <= 0 ? 1 : max * 1.1;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, x0, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setStroke(new BasicStroke(1));
        g.drawLine(x0, top + height, x0 + 420, top + height);
        int bar = 40;
        for (int s = 0; s < scenarios.size(); s++) {
            Map<String, Object> r = (Map<String, Object>) report.get(scenarios.get(s));
            int groupX = x0 + 20 + s * 210;
            for (int k = 0; k < keys.size(); k++) {
                double value = ((Number) r.get(keys.get(k))).doubleValue();
                int h = (int) (value / max * height);
                int x = groupX + k * (bar + 10);
                g.setColor(colors[k]);
                g.fillRect(x, top + height - h, bar, h);
                g.setColor(Color.BLACK);
                g.drawString(String.format(value >= 100 ? "%.0f" : "%.1f", value), x, top + height - h - 4);
                g.drawString(labels.get(k), x + 4, top + height + 15);
            }
            g.drawString(scenarios.get(s), groupX + 30, top + height + 35);
        }
    }
}
