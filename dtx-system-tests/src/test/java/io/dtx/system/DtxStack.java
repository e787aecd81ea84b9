package io.dtx.system;

import io.dtx.account.AccountServiceApplication;
import io.dtx.contract.MessageSigning;
import io.dtx.pay.PayServiceApplication;
import io.dtx.pay.payment.LocalCommitHook;
import io.dtx.pay.queuefirst.RequestPaymentHook;
import io.dtx.testsupport.Infrastructure;
import io.dtx.testsupport.SharedInfrastructure;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Both services, started once per test JVM on the shared broker and database, each in its own
 * Spring context on a free port, as in production but without separate processes (the walkthrough
 * runs them as processes and kills them for real).
 */
final class DtxStack {

    /** Accounts whose payments fail right after the local commit: the "lost COMMIT" fault. */
    static final String LOST_COMMIT_ACCOUNT_PREFIX = "lost-commit-";

    /** Accounts whose queue-first payments crash once before their commit. */
    static final String CRASH_REQUEST_ACCOUNT_PREFIX = "crash-request-";

    /** The requests whose paying transaction the hook crashed, so a test can see the fault happened. */
    static final Set<String> CRASHED_REQUESTS = ConcurrentHashMap.newKeySet();

    /** The shared secret of the internal endpoints, new for every test JVM (never a constant in the repo). */
    static final String SERVICE_TOKEN = newServiceToken();

    /** The message signing key of this test JVM's stack, made for it like the token. */
    static final String MESSAGE_KEYS = MessageSigning.newKeySpec("it-1");

    static final MessageSigning MESSAGE_SIGNING = MessageSigning.forSigning(MESSAGE_KEYS, "it-1");

    /** The pay service's own request keys (the account side never holds them). */
    static final String REQUEST_KEYS = MessageSigning.newKeySpec("it-r1");

    static final MessageSigning REQUEST_SIGNING = MessageSigning.forSigning(REQUEST_KEYS, "it-r1");

    private static DtxStack instance;

    final Infrastructure infra;
    final ConfigurableApplicationContext pay;
    final ConfigurableApplicationContext account;
    final Http payHttp;
    final Http accountHttp;
    final Db db;

    private DtxStack(Infrastructure infra) {
        this.infra = infra;
        this.db = new Db(infra.mysql());
        this.pay = new SpringApplicationBuilder(PayServiceApplication.class)
                .initializers(context -> {
                    context.getBeanFactory().registerSingleton("lostCommitHook", lostCommitHook());
                    context.getBeanFactory().registerSingleton("requestCrashHook", requestCrashHook());
                })
                .run(serviceArgs(
                        infra,
                        "dtx-pay-service",
                        "bank1_pay",
                        // Its relay off: the outbox tests decide which relays run, and on which broker.
                        Map.of(
                                "dtx.pay.feed.overlap",
                                "PT2S",
                                "dtx.pay.outbox.relay-enabled",
                                false,
                                "dtx.pay.requests.enabled",
                                true,
                                "dtx.pay.requests.rocketmq-client-interval-ms",
                                1000)));
        String payUrl = "http://127.0.0.1:" + port(pay);
        this.account = new SpringApplicationBuilder(AccountServiceApplication.class)
                .run(serviceArgs(infra, "dtx-account-service", "bank1", accountOverrides(payUrl)));
        this.payHttp = new Http(payUrl, SERVICE_TOKEN);
        this.accountHttp = new Http("http://127.0.0.1:" + port(account), SERVICE_TOKEN);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            account.close();
                            pay.close();
                        },
                        "dtx-stack-stop"));
    }

    static synchronized DtxStack get() {
        if (instance == null) {
            instance = new DtxStack(SharedInfrastructure.get());
        }
        return instance;
    }

    /**
     * Throws after the payment row committed and before the broker hears COMMIT. The RocketMQ
     * client then reports UNKNOWN to the broker, exactly what a crash at that moment leaves
     * behind, and only the broker's check-back can settle the half message.
     */
    private static LocalCommitHook lostCommitHook() {
        return (txNo, accountNo) -> {
            if (accountNo.startsWith(LOST_COMMIT_ACCOUNT_PREFIX)) {
                throw new IllegalStateException("simulated crash between local commit and COMMIT");
            }
        };
    }

    /**
     * Throws inside the paying transaction of a queue-first request, the first time each request of
     * such an account is paid: the transaction rolls back as if the consumer died, and the broker
     * must deliver the request again.
     */
    private static RequestPaymentHook requestCrashHook() {
        return (requestId, accountNo) -> {
            if (accountNo.startsWith(CRASH_REQUEST_ACCOUNT_PREFIX) && CRASHED_REQUESTS.add(requestId)) {
                throw new IllegalStateException("simulated crash of the request consumer before its commit");
            }
        };
    }

    private static Map<String, Object> accountOverrides(String payUrl) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.cloud.discovery.client.simple.instances.dtx-pay-service[0].uri", payUrl);
        p.put("spring.datasource.hikari.connection-init-sql", "SET SESSION innodb_lock_wait_timeout = 1");
        p.put("dtx.account.max-reconsume-times", 2);
        p.put("dtx.account.rocketmq-client-interval-ms", 1000);
        // Tests trigger reconciliation themselves, so each path is seen on its own.
        p.put("dtx.account.reconcile.enabled", false);
        p.put("dtx.account.sweep.enabled", false);
        p.put("dtx.account.suspense.initial-delay", "PT1S");
        p.put("dtx.account.suspense.interval", "PT1S");
        return p;
    }

    /**
     * Command-line arguments (they outrank application.yml; builder "properties" do not) that start
     * one service in this JVM on the shared broker and database, on a free port; overrides win.
     */
    static String[] serviceArgs(Infrastructure infra, String module, String schema, Map<String, ?> overrides) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.config.location", configOf(module));
        p.put("server.port", 0);
        p.put("management.server.port", 0);
        p.put("spring.main.banner-mode", "off");
        // Each service with its own least-privilege login, as in production.
        p.put("spring.datasource.url", infra.serviceLogin(schema).jdbcUrl(schema));
        p.put("spring.datasource.username", infra.serviceLogin(schema).user());
        p.put("spring.datasource.password", infra.serviceLogin(schema).password());
        p.put("rocketmq.name-server", infra.namesrvAddr());
        p.put("dtx.security.service-token", SERVICE_TOKEN);
        p.put("dtx.messaging.keys", MESSAGE_KEYS);
        p.put("dtx.messaging.key-id", "it-1");
        p.put("dtx.pay.requests.keys", REQUEST_KEYS);
        p.put("dtx.pay.requests.key-id", "it-r1");
        p.putAll(overrides);
        return p.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }

    /**
     * Both services ship a {@code classpath:application.yml}; on one classpath only the first
     * would be found, so each context is pointed at its own service's resources folder (which
     * also holds its profile files, such as application-docker.yml).
     */
    static String configOf(String module) {
        return Path.of("..", module, "src", "main", "resources")
                .toAbsolutePath()
                .normalize()
                .toUri()
                .toString();
    }

    private static String newServiceToken() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
