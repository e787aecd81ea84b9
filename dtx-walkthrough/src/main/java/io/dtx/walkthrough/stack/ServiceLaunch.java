package io.dtx.walkthrough.stack;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the services are started on this stack: the addresses and logins the sandbox made, the
 * run's service token and message signing key, and what the profile adds.
 */
final class ServiceLaunch {

    private final Workspace workspace;
    private final StackProfile profile;
    private final SandboxEnv sandbox;
    private final RunSecrets secrets;
    /** Scheme 2 alone: account instances started from now on leave their broker consumer off. */
    private volatile boolean callbacksOnly;

    private volatile Map<String, String> payOverrides = Map.of();
    private volatile Map<String, String> accountOverrides = Map.of();

    ServiceLaunch(Workspace workspace, StackProfile profile, SandboxEnv sandbox, RunSecrets secrets) {
        this.workspace = workspace;
        this.profile = profile;
        this.sandbox = sandbox;
        this.secrets = secrets;
    }

    JavaProcess pay() {
        Map<String, String> env = payEnv(workspace.publisher());
        env.putAll(payOverrides);
        return new JavaProcess(
                "pay", workspace.payJar(), profile.payArgs(workspace), env, workspace, profile.serviceJvm());
    }

    void callbacksOnly(boolean only) {
        this.callbacksOnly = only;
    }

    /** Settings on top of the pay and account services' usual ones, from their next start on (the bench's levers). */
    void overrides(Map<String, String> pay, Map<String, String> account) {
        this.payOverrides = Map.copyOf(pay);
        this.accountOverrides = Map.copyOf(account);
    }

    JavaProcess account(boolean restart) {
        return new JavaProcess(
                "account", workspace.accountJar(), List.of(), accountEnv(restart), workspace, profile.serviceJvm());
    }

    JavaProcess notifier(NotifierSetup setup) {
        Map<String, String> env = new LinkedHashMap<>(ports("NOTIFIER", workspace.notifierPort()));
        env.put("NOTIFIER_DB_URL", sandbox.jdbcUrl("dtx_notify"));
        env.put("NOTIFIER_DB_USER", sandbox.get("DTX_NOTIFIER_DB_USER"));
        env.put("NOTIFIER_DB_PASSWORD", sandbox.get("DTX_NOTIFIER_DB_PASSWORD"));
        env.put("DTX_SERVICE_TOKEN", secrets.serviceToken());
        // No message key: the notifier passes the pay side's signature on and cannot make one.
        env.put("DTX_CALLBACK_SECRETS", secrets.callbackSecrets());
        env.put("DTX_NAMESRV_ADDR", sandbox.namesrvAddr());
        env.put("NOTIFIER_MQ_CLIENT_INTERVAL_MS", "1000");
        env.put("NOTIFIER_ACCOUNT_URL", setup.receiverUrl());
        env.put("NOTIFIER_ACCOUNT_SCHEDULE", setup.schedule());
        env.put("NOTIFIER_TIME_SCALE", Double.toString(setup.timeScale()));
        env.put("NOTIFIER_TIMEOUT", setup.timeout().toString());
        env.put("NOTIFIER_POLL_INTERVAL", "PT0.05S");
        env.putAll(profile.cleanupSettings());
        return new JavaProcess("notifier", workspace.notifierJar(), List.of(), env, workspace, profile.serviceJvm());
    }

    /**
     * The binlog relay on the sandbox's database: its own login (replication and process list
     * rights, its own schema), the run's message key (it publishes for the pay side), and short
     * waits after a failure, so a broker restart heals in seconds here.
     */
    JavaProcess relay() {
        return relay(Map.of());
    }

    private JavaProcess relay(Map<String, String> settings) {
        Map<String, String> env = new LinkedHashMap<>(ports("RELAY", workspace.relayPort()));
        URI server = URI.create(sandbox.mysqlUrl().substring("jdbc:".length()));
        env.put("RELAY_DB_URL", sandbox.jdbcUrl("dtx_relay"));
        env.put("RELAY_DB_USER", sandbox.get("DTX_RELAY_DB_USER"));
        env.put("RELAY_DB_PASSWORD", sandbox.get("DTX_RELAY_DB_PASSWORD"));
        env.put("RELAY_BINLOG_HOST", server.getHost());
        env.put("RELAY_BINLOG_PORT", Integer.toString(server.getPort()));
        env.put("DTX_SERVICE_TOKEN", secrets.serviceToken());
        env.put("DTX_MESSAGE_KEYS", secrets.messageKeys());
        env.put("DTX_MESSAGE_KEY_ID", RunSecrets.MESSAGE_KEY_ID);
        env.put("DTX_NAMESRV_ADDR", sandbox.namesrvAddr());
        env.put("RELAY_OPERATOR_TOKEN", secrets.operatorToken());
        env.put("RELAY_RETRY_FIRST_WAIT", "PT0.2S");
        env.put("RELAY_RETRY_LONGEST_WAIT", "PT2S");
        env.putAll(settings);
        return new JavaProcess("relay", workspace.relayJar(), List.of(), env, workspace, profile.serviceJvm());
    }

    /** The relay with routing on: each payment to the environment of the database user that wrote it. */
    JavaProcess routingRelay(String routes) {
        return relay(
                Map.of("RELAY_ROUTING_ENABLED", "true", "RELAY_ROUTES", routes, "RELAY_COMPENSATION_INTERVAL", "PT1S"));
    }

    /**
     * One environment's pay service (publisher {@code binlog}): the same jar and settings, but its
     * own port, {@code DTX_ENV} and database user, the one the relay routes by.
     */
    JavaProcess payIn(String environment, int apiPort) {
        Map<String, String> env = payEnv("binlog");
        env.putAll(ports("PAY", apiPort));
        env.put("DTX_ENV", environment);
        env.put("PAY_DB_USER", sandbox.get("DTX_PAY_DB_USER_" + upper(environment)));
        env.put("PAY_DB_PASSWORD", sandbox.get("DTX_PAY_DB_PASSWORD_" + upper(environment)));
        return new JavaProcess(
                "pay-" + environment, workspace.payJar(), List.of(), env, workspace, profile.serviceJvm());
    }

    /**
     * One environment's account service on its own account database. Only messages credit here:
     * the pay service's feed lists every environment's payments on the shared database, so
     * reconciling from it would cross environments.
     */
    JavaProcess accountIn(String environment, int apiPort, String payUrl) {
        Map<String, String> env = accountEnv(false);
        env.putAll(ports("ACCOUNT", apiPort));
        env.put("DTX_ENV", environment);
        env.put("ACCOUNT_DB_URL", sandbox.jdbcUrl("bank1_" + environment));
        env.put("ACCOUNT_DB_USER", sandbox.get("DTX_ACCOUNT_DB_USER_" + upper(environment)));
        env.put("ACCOUNT_DB_PASSWORD", sandbox.get("DTX_ACCOUNT_DB_PASSWORD_" + upper(environment)));
        env.put("PAY_SERVICE_URL", payUrl);
        env.put("ACCOUNT_CALLBACKS_ENABLED", "false");
        env.put("ACCOUNT_RECONCILE_ENABLED", "false");
        env.put("ACCOUNT_SWEEP_ENABLED", "false");
        env.put("ACCOUNT_SUSPENSE_ENABLED", "false");
        return new JavaProcess(
                "account-" + environment, workspace.accountJar(), List.of(), env, workspace, profile.serviceJvm());
    }

    private static String upper(String environment) {
        return environment.toUpperCase(Locale.ROOT);
    }

    /** Another pay instance, on its own API and management ports, in the same producer group. */
    JavaProcess payInstance(String name, int apiPort) {
        return payInstance(name, apiPort, workspace.publisher());
    }

    /** The same, publishing its payments with {@code publisher} rather than the workspace's. */
    JavaProcess payInstance(String name, int apiPort, String publisher) {
        Map<String, String> env = payEnv(publisher);
        env.putAll(ports("PAY", apiPort));
        return new JavaProcess(
                name, workspace.payJar(), profile.payArgs(workspace), env, workspace, profile.serviceJvm());
    }

    /** Another account instance, on its own ports, in the same consumer group. */
    JavaProcess accountInstance(String name, int apiPort) {
        Map<String, String> env = accountEnv(false);
        env.putAll(ports("ACCOUNT", apiPort));
        return new JavaProcess(name, workspace.accountJar(), List.of(), env, workspace, profile.serviceJvm());
    }

    private static Map<String, String> ports(String service, int apiPort) {
        return Map.of(
                service + "_PORT", Integer.toString(apiPort),
                service + "_MANAGEMENT_PORT", Integer.toString(Workspace.managementPort(apiPort)));
    }

    /** {@code publisher}: the walkthrough's, one of {@link Workspace#PUBLISHERS}. */
    private Map<String, String> payEnv(String publisher) {
        boolean queueFirst = publisher.equals("queue-first");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PAY_PORT", Integer.toString(workspace.payPort()));
        env.put("PAY_MANAGEMENT_PORT", Integer.toString(Workspace.managementPort(workspace.payPort())));
        env.put("PAY_DB_URL", sandbox.jdbcUrl("bank1_pay"));
        env.put("PAY_DB_USER", sandbox.get("DTX_PAY_DB_USER"));
        env.put("PAY_DB_PASSWORD", sandbox.get("DTX_PAY_DB_PASSWORD"));
        env.put("DTX_SERVICE_TOKEN", secrets.serviceToken());
        env.put("DTX_MESSAGE_KEYS", secrets.messageKeys());
        env.put("DTX_MESSAGE_KEY_ID", RunSecrets.MESSAGE_KEY_ID);
        env.put("DTX_REQUEST_KEYS", secrets.requestKeys());
        env.put("DTX_REQUEST_KEY_ID", RunSecrets.REQUEST_KEY_ID);
        env.put("DTX_NAMESRV_ADDR", sandbox.namesrvAddr());
        env.put("PAY_FEED_OVERLAP", "PT5S");
        // Queue first is another API, not a publisher: its payments go out through the local message table.
        env.put("DTX_PAY_PUBLISHER", queueFirst ? "outbox" : publisher);
        env.put("PAY_MQ_CLIENT_INTERVAL_MS", "1000");
        // Only queue-first instances consume requests: a consumer needs the broker to start at all.
        env.put("PAY_REQUESTS_ENABLED", Boolean.toString(queueFirst));
        // With the outbox, a broker restart should heal in seconds here, not after the production
        // delays (doubling up to 5 minutes): every 5 s at most, 30 sends before a row is given up.
        env.put("PAY_OUTBOX_MAX_DELAY", "PT5S");
        env.put("PAY_OUTBOX_SENDS", "30");
        env.putAll(profile.cleanupSettings());
        return env;
    }

    private Map<String, String> accountEnv(boolean restart) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ACCOUNT_PORT", Integer.toString(workspace.accountPort()));
        env.put("ACCOUNT_MANAGEMENT_PORT", Integer.toString(Workspace.managementPort(workspace.accountPort())));
        env.put("ACCOUNT_DB_URL", sandbox.jdbcUrl("bank1"));
        env.put("ACCOUNT_DB_USER", sandbox.get("DTX_ACCOUNT_DB_USER"));
        env.put("ACCOUNT_DB_PASSWORD", sandbox.get("DTX_ACCOUNT_DB_PASSWORD"));
        env.put("DTX_SERVICE_TOKEN", secrets.serviceToken());
        env.put("DTX_MESSAGE_KEYS", secrets.messageKeys());
        env.put("DTX_NAMESRV_ADDR", sandbox.namesrvAddr());
        env.put("PAY_SERVICE_URL", workspace.payUrl());
        // The notifier's callbacks are taken too (scheme 2 beside scheme 1), signed with the run's secret.
        env.put("ACCOUNT_CALLBACKS_ENABLED", "true");
        env.put("ACCOUNT_CONSUMER_ENABLED", Boolean.toString(!callbacksOnly));
        env.put("DTX_CALLBACK_SECRETS", secrets.callbackSecrets());
        env.putAll(profile.accountSettings(restart));
        env.putAll(profile.cleanupSettings());
        env.putAll(accountOverrides);
        return env;
    }
}
