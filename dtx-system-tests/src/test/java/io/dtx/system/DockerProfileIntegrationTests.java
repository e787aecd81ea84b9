package io.dtx.system;

import static io.dtx.system.Http.rechargeJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dtx.account.AccountServiceApplication;
import io.dtx.pay.PayServiceApplication;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The services' {@code docker} profile, the one the compose stack runs, started against the
 * sandbox with Nacos switched off: it must boot, expose the readiness probe compose checks, and
 * carry a recharge end to end. (Where Docker exists, ComposeStackIntegrationTests runs it for real.)
 */
class DockerProfileIntegrationTests {

    @Test
    void dockerProfileBootsAndCarriesARecharge() {
        DtxStack stack = DtxStack.get();
        String accountNo = stack.db.newAccount("docker-profile-");
        try (ConfigurableApplicationContext pay = new SpringApplicationBuilder(PayServiceApplication.class)
                .run(dockerProfileArgs("dtx-pay-service", "bank1_pay", Map.of()))) {
            String payUrl = "http://127.0.0.1:" + port(pay);
            try (ConfigurableApplicationContext account = new SpringApplicationBuilder(AccountServiceApplication.class)
                    .run(dockerProfileArgs(
                            "dtx-account-service",
                            "bank1",
                            Map.of(
                                    "spring.cloud.discovery.client.simple.instances.dtx-pay-service[0].uri",
                                    payUrl,
                                    "dtx.account.reconcile.enabled",
                                    false)))) {
                Http payHttp = new Http(payUrl, DtxStack.SERVICE_TOKEN);
                Http accountHttp = new Http("http://127.0.0.1:" + port(account), DtxStack.SERVICE_TOKEN);

                assertThat(payHttp.get("/readyz").status()).isEqualTo(200);
                assertThat(accountHttp.get("/readyz").status()).isEqualTo(200);
                String txNo = payHttp.post("/pay/recharges", rechargeJson(accountNo, "3.00"))
                        .json()
                        .get("txNo")
                        .asString();
                await().atMost(Duration.ofSeconds(30)).until(() -> stack.db.credits(txNo) == 1);
                assertThat(accountHttp
                                .post("/accounts/recharges/" + txNo + "/pull", "")
                                .json()
                                .get("outcome")
                                .asString())
                        .as("the pull reaches the pay service through discovery")
                        .isEqualTo("ALREADY_APPLIED");
            }
        }
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
