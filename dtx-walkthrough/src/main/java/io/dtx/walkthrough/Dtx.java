package io.dtx.walkthrough;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Entry point of {@code ./dtx}: {@code demo [--step N]...} runs the story on a fresh local stack
 * and stops it; {@code up} starts the stack and leaves it running.
 */
public final class Dtx {

    private Dtx() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: Dtx demo [--step N]... | up");
            System.exit(2);
        }
        Path root = Path.of(System.getProperty("dtx.root", ".")).toAbsolutePath().normalize();
        Workspace workspace = new Workspace(root, root.resolve(".dtx"), port("PAY_PORT", 56082), port("ACCOUNT_PORT", 56081));
        boolean color = System.console() != null && System.getenv("NO_COLOR") == null;
        switch (args[0]) {
            case "demo" -> System.exit(demo(workspace, steps(args), new Narrator(System.out, color)) ? 0 : 1);
            case "up" -> up(workspace, System.out);
            case "bench" -> bench(workspace, args);
            case "chaos" -> chaos(workspace, args);
            default -> {
                System.err.println("unknown command: " + args[0]);
                System.exit(2);
            }
        }
    }

    /** Starts a fresh stack, tells the story, stops every process it started; true if every step held. */
    public static boolean demo(Workspace workspace, List<Integer> steps, Narrator say) {
        LocalStack stack = new LocalStack(workspace);
        Thread stopper = new Thread(stack::close, "dtx-stop");
        Runtime.getRuntime().addShutdownHook(stopper); // Ctrl-C stops the processes too
        try {
            long t0 = System.nanoTime();
            say.plain("Starting the sandbox (RocketMQ + MariaDB) and both services as separate processes...");
            stack.start();
            say.plain(String.format("Ready in %.1fs: pay service %s (pid %d), account service %s (pid %d), broker pid %d, database pid %d. Logs in %s",
                    (System.nanoTime() - t0) / 1e9, workspace.payUrl(), stack.pay().pid(), workspace.accountUrl(), stack.account().pid(),
                    stack.broker().pid(), stack.database().pid(), workspace.logDir()));
            return new Story(workspace, stack, say).run(steps);
        } catch (RuntimeException e) {
            say.plain("The demo could not run: " + e.getMessage());
            return false;
        } finally {
            say.plain("Stopping every process the demo started...");
            stack.close();
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
    }

    /** {@code bench [--quick] [--out DIR]}: see {@link Benchmark}. */
    static void bench(Workspace workspace, String[] args) {
        boolean quick = false;
        boolean profile = false;
        Path out = workspace.root().resolve("target").resolve("bench");
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--profile" -> profile = true;
                case "--out" -> out = Path.of(args[++i]).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option: " + args[i]);
            }
        }
        Benchmark.Settings settings = quick ? Benchmark.Settings.quick() : Benchmark.Settings.full();
        Map<String, Object> report = Benchmark.run(workspace, profile ? settings.profiled() : settings, out, System.out);
        System.out.println();
        System.out.print(Benchmark.markdown(report));
        System.out.println("Written: " + out.resolve("latest.json") + ", latest.md, latest.png");
        System.exit(0);
    }

    /**
     * {@code chaos [--recharges N] [--concurrency C] [--seconds S] [--seed X] [--faults F]
     * [--bad-inputs N] [--inputs] [--quick] [--out DIR]}: see {@link Chaos}. Exit 1 on any loss.
     */
    static void chaos(Workspace workspace, String[] args) {
        Chaos.Settings s = Chaos.Settings.full(System.currentTimeMillis() % 100_000);
        Path out = workspace.root().resolve("target").resolve("chaos");
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--quick" -> s = Chaos.Settings.quick(s.seed());
                case "--inputs" -> s = new Chaos.Settings(s.recharges(), s.concurrency(), s.seconds(), s.seed(), s.faults(), s.badInputs(), false);
                case "--out" -> out = Path.of(value(args, ++i, option)).toAbsolutePath();
                case "--recharges" -> s = new Chaos.Settings(intValue(args, ++i, option), s.concurrency(), s.seconds(), s.seed(), s.faults(), s.badInputs(), s.faultsOn());
                case "--concurrency" -> s = new Chaos.Settings(s.recharges(), intValue(args, ++i, option), s.seconds(), s.seed(), s.faults(), s.badInputs(), s.faultsOn());
                case "--seconds" -> s = new Chaos.Settings(s.recharges(), s.concurrency(), intValue(args, ++i, option), s.seed(), s.faults(), s.badInputs(), s.faultsOn());
                case "--seed" -> s = new Chaos.Settings(s.recharges(), s.concurrency(), s.seconds(), Long.parseLong(value(args, ++i, option)), s.faults(), s.badInputs(), s.faultsOn());
                case "--faults" -> s = new Chaos.Settings(s.recharges(), s.concurrency(), s.seconds(), s.seed(), intValue(args, ++i, option), s.badInputs(), s.faultsOn());
                case "--bad-inputs" -> s = new Chaos.Settings(s.recharges(), s.concurrency(), s.seconds(), s.seed(), s.faults(), intValue(args, ++i, option), s.faultsOn());
                default -> throw new IllegalArgumentException("unknown option: " + option);
            }
        }
        Map<String, Object> report = Chaos.run(workspace, s, out, System.out);
        System.out.println("Verdict: " + report.get("verdict") + " (seed " + s.seed() + "). Written: " + out.resolve("latest.json"));
        System.exit("PASS".equals(report.get("verdict")) ? 0 : 1);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int intValue(String[] args, int i, String option) {
        return Integer.parseInt(value(args, i, option));
    }

    static void up(Workspace workspace, PrintStream out) {
        LocalStack stack = new LocalStack(workspace);
        try {
            out.println("Starting the sandbox (RocketMQ + MariaDB) and both services...");
            stack.start();
        } catch (RuntimeException e) {
            stack.close();
            out.println("Could not start: " + e.getMessage());
            System.exit(1);
        }
        String urls = """
                dtx is up. Stop it with: ./dtx down

                  pay service      %1$s      OpenAPI %1$s/v3/api-docs   Swagger UI %1$s/swagger-ui.html
                  account service  %2$s      OpenAPI %2$s/v3/api-docs   Swagger UI %2$s/swagger-ui.html
                  health, metrics  /actuator/health, /actuator/prometheus on both
                  databases        %3$s/bank1 and /bank1_pay; logins (made for this run) in .dtx/run/database.env
                  service token    for the internal endpoints: -H "Authorization: Bearer $(cat .dtx/run/service-token)"
                  RocketMQ         name server %4$s
                  logs             %5$s

                  try:  curl -s -X POST %1$s/pay/recharges -H 'Content-Type: application/json' -d '{"accountNo":"1","amount":"100.00"}'
                        curl -s %2$s/accounts/1
                """.formatted(workspace.payUrl(), workspace.accountUrl(), stack.mysqlUrl(), stack.namesrvAddr(), workspace.logDir());
        out.println(urls);
        try {
            Files.writeString(workspace.runDir().resolve("urls.txt"), urls);
        } catch (java.io.IOException ignored) {
            // the console has them
        }
        System.exit(0); // the processes keep running; ./dtx down stops them by their pid files
    }

    static List<Integer> steps(String[] args) {
        List<Integer> steps = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--step") && i + 1 < args.length) {
                for (String n : args[++i].split(",")) {
                    steps.add(Integer.parseInt(n.trim()));
                }
            } else {
                throw new IllegalArgumentException("unknown option: " + args[i]);
            }
        }
        return steps.isEmpty() ? IntStream.rangeClosed(1, Story.STEPS).boxed().toList() : steps;
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
