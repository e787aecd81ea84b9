package io.dtx.system;

import io.dtx.account.AccountServiceApplication;
import io.dtx.notifier.NotifierApplication;
import io.dtx.pay.PayServiceApplication;
import io.dtx.testsupport.Infrastructure;
import io.dtx.testsupport.SharedInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Best-effort notification, scheme 2, in its own test JVM: the pay service, the notifier, and an
 * account service that takes payments only by callback (its broker consumer is off), so every
 * credit seen here came through the notifier, the pull or reconciliation. The notifier calls the
 * account service through the {@link CallbackReceiver}'s gate, and bad receivers on its other paths.
 *
 * <p>Time runs 3600 times faster for the schedules: the Alipay schedule's 25 hours take 24.4 s.
 */
final class NotifyStack {

    /** One hour of schedule per second. */
    static final double TIME_SCALE = 1.0 / 3600;
    /** Four attempts 10 minutes apart (scaled: 167 ms), for the bad receivers. */
    static final String SHORT_SCHEDULE = "10m,10m,10m";

    static final String CALLBACK_SECRET = "whsec_" + Base64.getEncoder().encodeToString(random(32));

    private static NotifyStack instance;

    final ConfigurableApplicationContext pay;
    final ConfigurableApplicationContext account;
    final ConfigurableApplicationContext notifier;
    final CallbackReceiver receiver;
    final Http payHttp;
    final Http accountHttp;
    final Http notifierHttp;
    final Db db;
    final Infrastructure infra;

    private NotifyStack(Infrastructure infra) throws IOException {
        this.infra = infra;
        this.db = new Db(infra.mysql());
        this.receiver = new CallbackReceiver();
        this.pay = new SpringApplicationBuilder(PayServiceApplication.class)
                .run(DtxStack.serviceArgs(infra, "dtx-pay-service", "bank1_pay", Map.of()));
        String payUrl = "http://127.0.0.1:" + port(pay);
        this.account = new SpringApplicationBuilder(AccountServiceApplication.class)
                .run(DtxStack.serviceArgs(infra, "dtx-account-service", "bank1", accountOverrides(payUrl, false)));
        String accountUrl = "http://127.0.0.1:" + port(account);
        receiver.forwardTo(accountUrl + "/accounts/callbacks/recharges");
        this.notifier = new SpringApplicationBuilder(NotifierApplication.class)
                .run(DtxStack.serviceArgs(infra, "dtx-notifier", "dtx_notify", notifierOverrides(receiver)));
        this.payHttp = new Http(payUrl, DtxStack.SERVICE_TOKEN);
        this.accountHttp = new Http(accountUrl, DtxStack.SERVICE_TOKEN);
        this.notifierHttp = new Http("http://127.0.0.1:" + port(notifier), DtxStack.SERVICE_TOKEN);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            notifier.close();
                            account.close();
                            pay.close();
                            receiver.close();
                        },
                        "notify-stack-stop"));
    }

    static synchronized NotifyStack get() {
        if (instance == null) {
            try {
                instance = new NotifyStack(SharedInfrastructure.get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /**
     * An account service on the same database: callbacks on; its broker consumer on only if asked
     * (scheme 1 and 2 together).
     */
    static Map<String, Object> accountOverrides(String payUrl, boolean consumer) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.cloud.discovery.client.simple.instances.dtx-pay-service[0].uri", payUrl);
        p.put("dtx.account.consumer.enabled", consumer);
        p.put("dtx.account.callbacks.enabled", true);
        p.put("dtx.account.callbacks.secrets", CALLBACK_SECRET);
        p.put("dtx.account.rocketmq-client-interval-ms", 1000);
        p.put("dtx.account.reconcile.enabled", false);
        p.put("dtx.account.sweep.enabled", false);
        p.put("dtx.account.suspense.enabled", false);
        // The dedup retention on, as a bank that bounds the table would run it (NotifyDedupRetentionIntegrationTests).
        p.put("dtx.account.dedup.retention", "P30D");
        p.put("dtx.account.dedup.cleanup-interval", "PT1S");
        return p;
    }

    private static Map<String, Object> notifierOverrides(CallbackReceiver receiver) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("dtx.notifier.rocketmq-client-interval-ms", 1000);
        p.put("dtx.notifier.delivery.time-scale", TIME_SCALE);
        p.put("dtx.notifier.delivery.jitter", 0);
        p.put("dtx.notifier.delivery.timeout", "PT0.3S");
        p.put("dtx.notifier.delivery.poll-interval", "PT0.02S");
        p.put("dtx.notifier.retention.interval", "PT1S");
        subscription(p, "account-service", receiver.url("/gate"), "alipay", "success");
        for (String bad : new String[] {"status-500", "wrong-body", "gone", "retry-after", "slow"}) {
            subscription(p, bad, receiver.url("/" + bad), SHORT_SCHEDULE, "success");
        }
        return p;
    }

    private static void subscription(Map<String, Object> p, String id, String url, String schedule, String ack) {
        String prefix = "dtx.notifier.subscriptions." + id + ".";
        p.put(prefix + "url", url);
        p.put(prefix + "secrets", CALLBACK_SECRET);
        p.put(prefix + "schedule", schedule);
        p.put(prefix + "ack-body", ack);
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
