package io.dtx.system;

import static io.dtx.system.Http.rechargeJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dtx.account.AccountServiceApplication;
import io.dtx.pay.PayServiceApplication;
import io.dtx.testsupport.ComposeBroker;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The services' {@code docker} profile, the one the compose stack runs, started against the
 * sandbox's database with Nacos switched off, and against a broker set up by the compose stack's
 * own scripts, access control on (see {@link ComposeBroker}): each service signs as its broker
 * user. It must boot, expose the readiness probe compose checks, carry a recharge end to end and
 * pay a queue-first request. (Where Docker exists, ComposeStackIntegrationTests runs it for real.)
 */
class DockerProfileIntegrationTests {

    @Test
    void dockerProfileBootsAndCarriesARechargeThroughTheBrokerWithAccessControl() {
        DtxStack stack = DtxStack.get();
        String accountNo = stack.db.newAccount("docker-profile-");
        try (ComposeBroker broker = ComposeBroker.startWithTopicsAndUsers(Path.of("target/docker-profile-broker"));
                ConfigurableApplicationContext pay = startPay(broker);
                ConfigurableApplicationContext account = startAccount(broker, "http://127.0.0.1:" + port(pay))) {
            Http payHttp = new Http("http://127.0.0.1:" + port(pay), DtxStack.SERVICE_TOKEN);
            Http accountHttp = new Http("http://127.0.0.1:" + port(account), DtxStack.SERVICE_TOKEN);

            assertThat(payHttp.get("/readyz").status()).isEqualTo(200);
            assertThat(accountHttp.get("/readyz").status()).isEqualTo(200);
            String txNo = payHttp.post("/pay/recharges", rechargeJson(accountNo, "3.00"))
                    .json()
                    .get("txNo")
                    .asString();
            // Reconciliation is off: only the message, through the broker's access control, credits.
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.db.credits(txNo) == 1);
            assertThat(accountHttp
                            .post("/accounts/recharges/" + txNo + "/pull", "")
                            .json()
                            .get("outcome")
                            .asString())
                    .as("the pull reaches the pay service through discovery")
                    .isEqualTo("ALREADY_APPLIED");

            // Queue first: the pay service sends the request and consumes it as its own user.
            String requestId = payHttp.post("/pay/recharge-requests", rechargeJson(accountNo, "4.00"))
                    .json()
                    .get("requestId")
                    .asString();
            await().atMost(Duration.ofSeconds(60)).until(() -> "PAID".equals(status(payHttp, requestId)));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> stack.db.balance(accountNo).compareTo(new BigDecimal("7.00")) == 0);
        }
    }

    private static ConfigurableApplicationContext startPay(ComposeBroker broker) {
        return new SpringApplicationBuilder(PayServiceApplication.class)
                .run(dockerProfileArgs(
                        "dtx-pay-service",
                        "bank1_pay",
                        Map.of(
                                "rocketmq.name-server",
                                broker.namesrvAddr(),
                                "PAY_MQ_USER",
                                ComposeBroker.PAY_USER,
                                "PAY_MQ_SECRET",
                                broker.secret("PAY_MQ_SECRET"),
                                "PAY_REQUESTS_ENABLED",
                                true)));
    }

    private static ConfigurableApplicationContext startAccount(ComposeBroker broker, String payUrl) {
        return new SpringApplicationBuilder(AccountServiceApplication.class)
                .run(dockerProfileArgs(
                        "dtx-account-service",
                        "bank1",
                        Map.of(
                                "spring.cloud.discovery.client.simple.instances.dtx-pay-service[0].uri",
                                payUrl,
                                "dtx.account.reconcile.enabled",
                                false,
                                "rocketmq.name-server",
                                broker.namesrvAddr(),
                                "ACCOUNT_MQ_USER",
                                ComposeBroker.ACCOUNT_USER,
                                "ACCOUNT_MQ_SECRET",
                                broker.secret("ACCOUNT_MQ_SECRET"))));
    }

    private static String status(Http pay, String requestId) {
        return pay.get("/pay/recharge-requests/" + requestId)
                .json()
                .get("status")
                .asString();
    }

    /** The docker profile, with Nacos off: the sandbox has no Nacos. */
    private static String[] dockerProfileArgs(String module, String schema, Map<String, Object> extra) {
        Map<String, Object> overrides = new LinkedHashMap<>(Map.of(
                "spring.profiles.active",
                "docker",
                "spring.cloud.nacos.discovery.enabled",
                false,
                "dtx.account.rocketmq-client-interval-ms",
                1000));
        overrides.putAll(extra);
        return DtxStack.serviceArgs(DtxStack.get().infra, module, schema, overrides);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
