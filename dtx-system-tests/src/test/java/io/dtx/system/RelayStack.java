package io.dtx.system;

import io.dtx.account.AccountServiceApplication;
import io.dtx.contract.Messaging;
import io.dtx.pay.PayServiceApplication;
import io.dtx.relay.RelayApplication;
import io.dtx.sandbox.MysqlServer;
import io.dtx.sandbox.SqlScripts;
import io.dtx.testsupport.Infrastructure;
import io.dtx.testsupport.SharedInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two deployment environments, {@code dev} and {@code staging}, on one shared {@code bank1_pay}:
 * each has its own pay service logging in as its own database user ({@code dtx_pay_dev},
 * {@code dtx_pay_staging}, both with the pay service's grants), its own account service and
 * account database ({@code bank1_dev}, {@code bank1_staging}), and listens on its own topic and
 * group ({@code DTX_ENV}). One binlog relay routes every payment by the user that wrote it.
 * A third user, {@code dtx_pay_qa}, may pay but is mapped to no environment.
 */
final class RelayStack {

    static final List<String> ENVIRONMENTS = List.of("dev", "staging");
    static final String ROUTES = "dtx_pay_dev=dev,dtx_pay_staging=staging";

    private static RelayStack instance;

    final Infrastructure infra;
    final Db db;
    final Map<String, Http> pay = new LinkedHashMap<>();
    final Map<String, ConfigurableApplicationContext> contexts = new LinkedHashMap<>();
    final Map<String, MysqlServer> payLogins = new LinkedHashMap<>();
    ConfigurableApplicationContext relay;

    private RelayStack(Infrastructure infra) throws SQLException {
        this.infra = infra;
        this.db = new Db(infra.mysql());
        for (String env : ENVIRONMENTS) {
            infra.declare(
                    List.of(Messaging.inEnvironment(Messaging.RECHARGE_TOPIC, env)),
                    List.of(Messaging.inEnvironment(Messaging.ACCOUNT_CONSUMER_GROUP, env)));
            payLogins.put(env, payUser("dtx_pay_" + env));
            MysqlServer account = accountDatabase(env);
            ConfigurableApplicationContext payService = new SpringApplicationBuilder(PayServiceApplication.class)
                    .run(DtxStack.serviceArgs(infra, "dtx-pay-service", "bank1_pay", payOverrides(env)));
            contexts.put("pay-" + env, payService);
            pay.put(env, new Http("http://127.0.0.1:" + NotifyStack.port(payService), DtxStack.SERVICE_TOKEN));
            contexts.put(
                    "account-" + env,
                    new SpringApplicationBuilder(AccountServiceApplication.class)
                            .run(DtxStack.serviceArgs(
                                    infra, "dtx-account-service", "bank1", accountOverrides(env, account))));
        }
        payLogins.put("qa", payUser("dtx_pay_qa"));
        relay = startRelay(Map.of());
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "relay-stack-stop"));
    }

    static synchronized RelayStack get() {
        if (instance == null) {
            try {
                instance = new RelayStack(SharedInfrastructure.get());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    /** A relay with routing on; {@code overrides} for a second one (its own name and server id). */
    ConfigurableApplicationContext startRelay(Map<String, Object> overrides) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("dtx.relay.routing.enabled", true);
        p.put("dtx.relay.routing.users", ROUTES);
        p.putAll(overrides);
        return new SpringApplicationBuilder(RelayApplication.class).run(relayArgs(infra, p));
    }

    /** A relay on the test server's binlog, with its own login; routing off unless overridden. */
    static String[] relayArgs(Infrastructure infra, Map<String, Object> overrides) {
        Map<String, Object> p = new LinkedHashMap<>();
        String host = infra.mysql().baseUrl().replaceFirst("^jdbc:\\w+://", "").replaceFirst("[/?].*$", "");
        p.put("dtx.relay.binlog.host", host.substring(0, host.lastIndexOf(':')));
        p.put("dtx.relay.binlog.port", host.substring(host.lastIndexOf(':') + 1));
        p.put("dtx.relay.binlog.user", infra.serviceLogin("dtx_relay").user());
        p.put("dtx.relay.binlog.password", infra.serviceLogin("dtx_relay").password());
        p.put("dtx.relay.routing.compensation-interval", "PT0.2S");
        p.put("dtx.relay.retry.first-wait", "PT0.2S");
        p.put("dtx.relay.retry.longest-wait", "PT1S");
        p.putAll(overrides);
        return DtxStack.serviceArgs(infra, "dtx-binlog-relay", "dtx_relay", p);
    }

    Http relayHttp() {
        return new Http("http://127.0.0.1:" + NotifyStack.port(relay), DtxStack.SERVICE_TOKEN);
    }

    /** A fresh account in one environment's account database. */
    String newAccount(String env) {
        return db.newAccount("bank1_" + env, "rl");
    }

    private Map<String, Object> payOverrides(String env) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("DTX_ENV", env);
        p.put("dtx.pay.publisher", "binlog");
        p.put("spring.datasource.username", payLogins.get(env).user());
        p.put("spring.datasource.password", payLogins.get(env).password());
        // One JVM holds both environments' pay services: one RocketMQ client, so distinct groups.
        p.put("rocketmq.producer.group", "dtx-pay-producer-" + env);
        return p;
    }

    private Map<String, Object> accountOverrides(String env, MysqlServer login) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("DTX_ENV", env);
        p.put("spring.datasource.url", login.jdbcUrl("bank1_" + env));
        p.put("spring.datasource.username", login.user());
        p.put("spring.datasource.password", login.password());
        p.put("dtx.account.rocketmq-client-interval-ms", 1000);
        // The pay service's feed lists every environment's payments on the shared database: pulling
        // or reconciling from it would cross environments, so here every credit comes from a message.
        p.put("dtx.account.reconcile.enabled", false);
        p.put("dtx.account.sweep.enabled", false);
        p.put("dtx.account.suspense.enabled", false);
        return p;
    }

    /** A pay login of one environment: the pay service's grants, under another name. */
    private MysqlServer payUser(String user) throws SQLException {
        String password = "pw-" + user + "-" + DtxStack.SERVICE_TOKEN.substring(0, 12);
        try (Connection c = admin();
                Statement s = c.createStatement()) {
            s.execute("CREATE USER IF NOT EXISTS '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
            for (String grant : grantsOf("dtx_pay")) {
                s.execute(grant.replace("'dtx_pay'@'%'", "'" + user + "'@'%'"));
            }
        }
        return new MysqlServer(infra.mysql().baseUrl(), user, password);
    }

    /** bank1's schema and grants, as bank1_{env} for the account service of {env}. */
    private MysqlServer accountDatabase(String env) throws SQLException {
        String schema = "bank1_" + env;
        String user = "dtx_account_" + env;
        String password = "pw-" + user + "-" + DtxStack.SERVICE_TOKEN.substring(0, 12);
        String sql = SqlScripts.read(SqlScripts.BANK1).replaceAll("\\bbank1\\b", schema);
        try (Connection c = admin();
                Statement s = c.createStatement()) {
            for (String statement : sql.split(";\\s*\\n")) {
                String trimmed = statement
                        .lines()
                        .filter(l -> !l.strip().startsWith("--"))
                        .reduce("", (a, b) -> a + b + "\n");
                if (!trimmed.isBlank()) {
                    s.execute(trimmed);
                }
            }
            s.execute("CREATE USER IF NOT EXISTS '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
            for (String grant : grantsOf("dtx_account")) {
                s.execute(grant.replace("'dtx_account'@'%'", "'" + user + "'@'%'")
                        .replace(" bank1.", " " + schema + "."));
            }
        }
        return new MysqlServer(infra.mysql().baseUrl(), user, password);
    }

    private static List<String> grantsOf(String user) {
        return SqlScripts.read(SqlScripts.SERVICE_GRANTS)
                .lines()
                .filter(line -> line.startsWith("GRANT ") && line.contains("'" + user + "'@"))
                .map(line -> line.substring(0, line.length() - 1))
                .toList();
    }

    private Connection admin() throws SQLException {
        MysqlServer root = infra.mysql();
        return DriverManager.getConnection(root.jdbcUrl(""), root.user(), root.password());
    }

    private void close() {
        if (relay != null) {
            relay.close();
        }
        contexts.values().forEach(ConfigurableApplicationContext::close);
    }
}
