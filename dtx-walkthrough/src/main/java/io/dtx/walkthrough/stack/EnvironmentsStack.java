package io.dtx.walkthrough.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Two deployment environments on one database, for {@code ./dtx demo --environments}: the sandbox
 * on a server whose binlog names each transaction's thread (MariaDB 11.8, prepared by
 * {@code scripts/mariadb-trixie.sh}) with a pay login and an account database for each
 * environment, each environment's pay and account service as processes of their own, and one
 * binlog relay that routes every payment by the database user that wrote it. What tells the
 * environments apart is configuration only: the logins and {@code DTX_ENV}.
 */
public final class EnvironmentsStack implements AutoCloseable {

    public static final List<String> ENVIRONMENTS = List.of("dev", "staging");

    /** The relay's map from database user to environment ({@code RELAY_ROUTES}). */
    public static final String ROUTES = "dtx_pay_dev=dev,dtx_pay_staging=staging";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Workspace workspace;
    private final SandboxEnv sandbox = new SandboxEnv();
    private final Map<String, JavaProcess> services = new LinkedHashMap<>();
    private RunSecrets secrets;
    private JavaProcess database;
    private JavaProcess broker;
    private JavaProcess relay;

    public EnvironmentsStack(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Starts everything on a fresh database; the relay before the first payment. */
    public EnvironmentsStack start() {
        RunFiles.deleteRecursively(workspace.runDir());
        secrets = RunSecrets.create(workspace.runDir());
        // The sandbox's own settings (dtx-sandbox: SandboxConfig, EnvironmentLogins).
        String environments = String.join(",", ENVIRONMENTS);
        database = sandboxPart(
                        "database",
                        Map.of("DTX_SANDBOX_DATABASE", "mariadb-11.8", "DTX_SANDBOX_ENVIRONMENTS", environments))
                .start();
        broker = sandboxPart("broker", Map.of("DTX_SANDBOX_ENVIRONMENTS", environments))
                .start();
        sandbox.add(RunFiles.awaitEnvFile(database, workspace.sandboxEnv("database"), START_TIMEOUT));
        sandbox.add(RunFiles.awaitEnvFile(broker, workspace.sandboxEnv("broker"), START_TIMEOUT));
        ServiceLaunch launch = new ServiceLaunch(workspace, StackProfile.DEMO, sandbox, secrets);
        relay = launch.routingRelay(ROUTES).start();
        relay.awaitHealthy(workspace.relayUrl(), START_TIMEOUT);
        List<CompletableFuture<Void>> up = new ArrayList<>();
        for (String env : ENVIRONMENTS) {
            up.add(startService("pay-" + env, launch.payIn(env, payPort(env)), payUrl(env)));
            up.add(startService(
                    "account-" + env, launch.accountIn(env, accountPort(env), payUrl(env)), accountUrl(env)));
        }
        up.forEach(CompletableFuture::join);
        return this;
    }

    private CompletableFuture<Void> startService(String name, JavaProcess process, String url) {
        synchronized (services) {
            services.put(name, process.start());
        }
        return CompletableFuture.runAsync(() -> services.get(name).awaitHealthy(url, START_TIMEOUT));
    }

    /** dev on the workspace's ports, staging two above (where the campaign's second instances live). */
    private int payPort(String env) {
        return env.equals(ENVIRONMENTS.get(0))
                ? workspace.payPort()
                : Workspace.secondInstancePort(workspace.payPort());
    }

    private int accountPort(String env) {
        return env.equals(ENVIRONMENTS.get(0))
                ? workspace.accountPort()
                : Workspace.secondInstancePort(workspace.accountPort());
    }

    public String payUrl(String env) {
        return "http://127.0.0.1:" + payPort(env);
    }

    public String accountUrl(String env) {
        return "http://127.0.0.1:" + accountPort(env);
    }

    /** The process id of {@code pay-dev}, {@code account-staging}, ..., {@code relay}, {@code database}. */
    public long pid(String name) {
        return switch (name) {
            case "relay" -> relay.pid();
            case "database" -> database.pid();
            case "broker" -> broker.pid();
            default -> services.get(name).pid();
        };
    }

    public String namesrvAddr() {
        return sandbox.namesrvAddr();
    }

    public String serviceToken() {
        return secrets == null ? null : secrets.serviceToken();
    }

    /** The token a person sends to route a kept payment by hand (the relay's Dtx-Operator-Token). */
    public String operatorToken() {
        return secrets.operatorToken();
    }

    public String jdbcUrl(String schema) {
        return sandbox.jdbcUrl(schema);
    }

    public String mysqlUser() {
        return sandbox.mysqlUser();
    }

    public String mysqlPassword() {
        return sandbox.mysqlPassword();
    }

    /** The services, then the relay, then the broker and the database. */
    @Override
    public void close() {
        List<CompletableFuture<Void>> stopped = new ArrayList<>();
        synchronized (services) {
            services.values().forEach(p -> stopped.add(CompletableFuture.runAsync(p::stop)));
        }
        stopped.forEach(CompletableFuture::join);
        stop(relay);
        CompletableFuture<Void> brokerStopped = CompletableFuture.runAsync(() -> stop(broker));
        stop(database);
        brokerStopped.join();
    }

    private static void stop(JavaProcess process) {
        if (process != null) {
            process.stop();
        }
    }

    private JavaProcess sandboxPart(String part, Map<String, String> env) {
        List<String> args = List.of(
                workspace.runDir().resolve("sandbox").toString(),
                workspace.sandboxEnv(part).toString(),
                part);
        return new JavaProcess(part, workspace.sandboxJar(), args, env, workspace, JvmOptions.QUICK);
    }
}
