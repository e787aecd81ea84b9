package io.dtx.system;

import io.dtx.account.AccountServiceApplication;
import io.dtx.contract.Messaging;
import io.dtx.pay.PayServiceApplication;
import io.dtx.relay.RelayApplication;
import io.dtx.sandbox.EnvironmentLogins;
import io.dtx.sandbox.MysqlServer;
import io.dtx.testsupport.Infrastructure;
import io.dtx.testsupport.SharedInfrastructure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two deployment environments, {@code dev} and {@code staging}, on one shared {@code bank1_pay}:
 * each has its own pay service logging in as its own database user ({@code dtx_pay_dev},
 * {@code dtx_pay_staging}, both with the pay service's grants), its own account service and
 * account database ({@code bank1_dev}, {@code bank1_staging}), made as the sandbox makes them
 * ({@link EnvironmentLogins}), and listens on its own topic and group ({@code DTX_ENV}). One
 * binlog relay routes every payment by the user that wrote it. A third user, {@code dtx_pay_qa},
 * may pay but is mapped to no environment.
 */
final class RelayStack {

    static final List<String> ENVIRONMENTS = List.of("dev", "staging");
    static final String ROUTES = "dtx_pay_dev=dev,dtx_pay_staging=staging";
    /** A person's token for routing a kept payment by hand (Dtx-Operator-Token). */
    static final String OPERATOR_TOKEN = "operator-" + UUID.randomUUID();

    private static RelayStack instance;

    final Infrastructure infra;
    final Db db;
    final Map<String, Http> pay = new LinkedHashMap<>();
    final Map<String, ConfigurableApplicationContext> contexts = new LinkedHashMap<>();
    final Map<String, MysqlServer> payLogins = new LinkedHashMap<>();
    ConfigurableApplicationContext relay;

    private RelayStack(Infrastructure infra) {
        this.infra = infra;
        this.db = new Db(infra.mysql());
        Map<String, EnvironmentLogins.Environment> logins =
                EnvironmentLogins.create(infra.mysql(), List.of("dev", "staging", "qa"));
        for (String env : ENVIRONMENTS) {
            infra.declare(
                    List.of(Messaging.inEnvironment(Messaging.RECHARGE_TOPIC, env)),
                    List.of(Messaging.inEnvironment(Messaging.ACCOUNT_CONSUMER_GROUP, env)));
            payLogins.put(env, logins.get(env).pay());
            ConfigurableApplicationContext payService = new SpringApplicationBuilder(PayServiceApplication.class)
                    .run(DtxStack.serviceArgs(infra, "dtx-pay-service", "bank1_pay", payOverrides(env)));
            contexts.put("pay-" + env, payService);
            pay.put(env, new Http("http://127.0.0.1:" + NotifyStack.port(payService), DtxStack.SERVICE_TOKEN));
            contexts.put(
                    "account-" + env,
                    new SpringApplicationBuilder(AccountServiceApplication.class)
                            .run(DtxStack.serviceArgs(
                                    infra, "dtx-account-service", "bank1", accountOverrides(logins.get(env)))));
        }
        payLogins.put("qa", logins.get("qa").pay());
        relay = startRelay(Map.of());
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "relay-stack-stop"));
    }

    static synchronized RelayStack get() {
        if (instance == null) {
            instance = new RelayStack(SharedInfrastructure.get());
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
        p.put("dtx.relay.operator-token", OPERATOR_TOKEN);
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

    private Map<String, Object> accountOverrides(EnvironmentLogins.Environment env) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("DTX_ENV", env.name());
        p.put("spring.datasource.url", env.account().jdbcUrl(env.accountSchema()));
        p.put("spring.datasource.username", env.account().user());
        p.put("spring.datasource.password", env.account().password());
        p.put("dtx.account.rocketmq-client-interval-ms", 1000);
        // The pay service's feed lists every environment's payments on the shared database: pulling
        // or reconciling from it would cross environments, so here every credit comes from a message.
        p.put("dtx.account.reconcile.enabled", false);
        p.put("dtx.account.sweep.enabled", false);
        p.put("dtx.account.suspense.enabled", false);
        return p;
    }

    private void close() {
        if (relay != null) {
            relay.close();
        }
        contexts.values().forEach(ConfigurableApplicationContext::close);
    }
}
