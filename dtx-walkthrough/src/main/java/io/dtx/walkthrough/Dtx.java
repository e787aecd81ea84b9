package io.dtx.walkthrough;

import io.dtx.walkthrough.bench.BenchReport;
import io.dtx.walkthrough.bench.Benchmark;
import io.dtx.walkthrough.chaos.Chaos;
import io.dtx.walkthrough.chaos.ChaosReport;
import io.dtx.walkthrough.console.Console;
import io.dtx.walkthrough.demo.Demo;
import io.dtx.walkthrough.demo.EnvironmentsDemo;
import io.dtx.walkthrough.stack.LocalStack;
import io.dtx.walkthrough.stack.NotifierSetup;
import io.dtx.walkthrough.stack.RunFiles;
import io.dtx.walkthrough.stack.StackProfile;
import io.dtx.walkthrough.stack.Workspace;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Entry point of {@code ./dtx}: {@code demo}, {@code up}, {@code bench} and {@code chaos} (the
 * script itself does {@code build} and {@code down}). Parses the options, then hands over to the
 * tool; see the script's {@code --help} for what each does.
 */
public final class Dtx {

    private Dtx() {}

    public static void main(String[] given) {
        if (given.length == 0) {
            System.err.println(
                    "usage: Dtx demo [--step N]... | demo --environments | up | bench [OPTIONS] | chaos [OPTIONS]"
                            + "   (each takes --publisher transactional|outbox)");
            System.exit(2);
        }
        Path root =
                Path.of(System.getProperty("dtx.root", ".")).toAbsolutePath().normalize();
        String publisher = parsed(() -> CommandLine.publisher(given));
        Locale language = parsed(() -> CommandLine.language(given, System.getenv("DTX_LANG")));
        String[] args = CommandLine.withoutPublisher(given);
        Path state =
                Path.of(System.getProperty("dtx.state", root.resolve(".dtx").toString()));
        Workspace workspace =
                new Workspace(root, state, port("PAY_PORT", 56082), port("ACCOUNT_PORT", 56081), publisher);
        long seed = System.currentTimeMillis() % 100_000; // unless --seed: a campaign can be replayed by its seed
        Path target = root.resolve("target");
        switch (args[0]) {
            case "demo" -> demo(workspace, parsed(() -> CommandLine.demo(args)), language);
            case "up" -> up(workspace, System.out, language);
            case "bench" -> bench(workspace, parsed(() -> CommandLine.bench(args, target.resolve("bench"))));
            case "chaos" -> chaos(workspace, parsed(() -> CommandLine.chaos(args, seed, target.resolve("chaos"))));
            default -> {
                System.err.println("unknown command: " + args[0]);
                System.exit(2);
            }
        }
    }

    private static void demo(Workspace workspace, CommandLine.DemoCommand command, Locale language) {
        boolean color = System.console() != null && System.getenv("NO_COLOR") == null;
        boolean held = command.environments()
                ? EnvironmentsDemo.run(workspace, System.out, color, language)
                : Demo.run(
                        workspace,
                        command.steps(),
                        System.out,
                        color,
                        command.console() ? port("CONSOLE_PORT", Console.DEFAULT_PORT) : -1,
                        language);
        System.exit(held ? 0 : 1);
    }

    private static void bench(Workspace workspace, CommandLine.BenchCommand command) {
        BenchReport report = Benchmark.run(workspace, command.settings(), command.out(), System.out);
        System.out.println();
        System.out.print(Benchmark.markdown(report));
        System.out.println(
                "Written: " + command.out().resolve("latest.json") + ", latest.md, latest.png, curve.png, growth.png");
        System.exit(0);
    }

    /** Exit 1 on any loss. */
    private static void chaos(Workspace workspace, CommandLine.ChaosCommand command) {
        ChaosReport report = Chaos.run(workspace, command.settings(), command.out(), System.out);
        System.out.println("Verdict: " + report.verdict() + " (seed "
                + command.settings().seed() + "). Written: " + command.out().resolve("latest.json"));
        System.exit(report.passed() ? 0 : 1);
    }

    /**
     * Starts the demo's stack and the learners' console, and stays: this process serves the
     * console and restarts what its buttons stop. {@code ./dtx up} runs it in the background and
     * returns once it wrote the URLs; {@code ./dtx down} stops it first, and with it the rest.
     */
    private static void up(Workspace workspace, PrintStream out, Locale language) {
        LocalStack stack = new LocalStack(workspace, StackProfile.DEMO);
        AtomicReference<Console> started = new AtomicReference<>();
        // Before anything starts: a SIGTERM (./dtx down, or Ctrl-C while it starts) stops what did.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(started.get(), stack), "dtx-stop"));
        Console console;
        try {
            out.println("Starting the sandbox (RocketMQ + MariaDB), both services, the notifier and the console...");
            stack.start();
            // Scheme 2 beside scheme 1: the notifier calls the account service back on Alipay's schedule.
            stack.notifier()
                    .start(new NotifierSetup(
                            workspace.accountUrl() + "/accounts/callbacks/recharges",
                            "alipay",
                            1,
                            Duration.ofSeconds(10)));
            console = Console.start(workspace, stack, port("CONSOLE_PORT", Console.DEFAULT_PORT), language);
            started.set(console);
        } catch (RuntimeException e) {
            out.println("Could not start: " + e.getMessage());
            System.exit(1); // the hook stops what started
            return;
        }
        String urls = urls(workspace, stack, console.url());
        out.println(urls);
        writeRunFiles(workspace, urls, out);
        try {
            Thread.currentThread().join(); // until ./dtx down (SIGTERM) runs the hook above
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stopAll(Console console, LocalStack stack) {
        if (console != null) {
            console.close();
        }
        stack.close();
    }

    /** The console's pid for ./dtx down, then the URLs, last: ./dtx up waits for them. */
    private static void writeRunFiles(Workspace workspace, String urls, PrintStream out) {
        try {
            Files.writeString(
                    workspace.runDir().resolve("console.pid"),
                    Long.toString(ProcessHandle.current().pid()));
            // Owner-only, as the run's secrets are: the console's URL carries the token that presses its buttons.
            RunFiles.writeOwnerOnly(workspace.runDir().resolve("urls.txt"), urls);
        } catch (IOException | UncheckedIOException e) {
            out.println("Could not write " + workspace.runDir() + ": " + e.getMessage());
        }
    }

    private static String urls(Workspace workspace, LocalStack stack, String consoleUrl) {
        return """
                dtx is up. Stop it with: ./dtx down

                  console          %9$s   each payment's journey, live, and buttons that break things

                  pay service      %1$s      OpenAPI %1$s/v3/api-docs   Swagger UI %1$s/swagger-ui.html
                  account service  %2$s      OpenAPI %2$s/v3/api-docs   Swagger UI %2$s/swagger-ui.html
                  notifier         %8$s      delivery log: %8$s/notifier/notifications/{txNo} (service token)
                  health           /livez, /readyz on both; metrics and the full health report on the
                                   management ports, loopback only: %6$s/actuator/prometheus, %7$s/...
                  databases        %3$s/bank1 and /bank1_pay; logins (made for this run) in \
                .dtx/run/database.env
                  service token    for the internal endpoints: \
                -H "Authorization: Bearer $(cat .dtx/run/service-token)"
                  message key      every recharge message is signed with the key in .dtx/run/message-keys; \
                the account service credits nothing else
                  RocketMQ         name server %4$s
                  logs             %5$s

                  try:  curl -s -X POST %1$s/pay/recharges -H 'Content-Type: application/json' \
                -d '{"accountNo":"1","amount":"100.00"}'
                        curl -s %2$s/accounts/1
                """.formatted(
                        workspace.payUrl(),
                        workspace.accountUrl(),
                        stack.sandbox().mysqlUrl(),
                        stack.namesrvAddr(),
                        workspace.logDir(),
                        workspace.payManagementUrl(),
                        workspace.accountManagementUrl(),
                        workspace.notifierUrl(),
                        consoleUrl);
    }

    /** A command's options, or exit 2 with what is wrong with them. */
    private static <T> T parsed(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            System.err.println("dtx: " + e.getMessage());
            System.exit(2);
            return null;
        }
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
