package io.dtx.system;

import static io.dtx.system.Http.rechargeJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dtx.account.AccountServiceApplication;
import io.dtx.pay.PayServiceApplication;
import java.time.Duration;
import java.util.List;
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
        try (ConfigurableApplicationContext pay = new SpringApplicationBuilder(PayServiceApplication.class).run(args("dtx-pay-service",
                "--spring.datasource.url=" + stack.infra.mysql().jdbcUrl("bank1_pay"), "--rocketmq.producer.group=dtx-pay-producer"))) {
            String payUrl = "http://127.0.0.1:" + port(pay);
            try (ConfigurableApplicationContext account = new SpringApplicationBuilder(AccountServiceApplication.class).run(args("dtx-account-service",
                    "--spring.datasource.url=" + stack.infra.mysql().jdbcUrl("bank1"),
                    "--spring.cloud.discovery.client.simple.instances.dtx-pay-service[0].uri=" + payUrl,
                    "--dtx.account.reconcile.enabled=false"))) {
                Http payHttp = new Http(payUrl);
                Http accountHttp = new Http("http://127.0.0.1:" + port(account));

                assertThat(payHttp.get("/actuator/health/readiness").status()).isEqualTo(200);
                assertThat(accountHttp.get("/actuator/health/readiness").status()).isEqualTo(200);
                String txNo = payHttp.post("/pay/recharges", rechargeJson(accountNo, "3.00")).json().get("txNo").asString();
                await().atMost(Duration.ofSeconds(30)).until(() -> stack.db.credits(txNo) == 1);
                assertThat(accountHttp.post("/accounts/recharges/" + txNo + "/pull", "").json().get("outcome").asString())
                        .as("the pull reaches the pay service through discovery").isEqualTo("ALREADY_APPLIED");
            }
        }
    }

    private static String[] args(String module, String... extra) {
        DtxStack stack = DtxStack.get();
        List<String> args = new java.util.ArrayList<>(List.of(
                "--spring.config.location=" + DtxStack.configOf(module),
                "--spring.profiles.active=docker",
                "--spring.cloud.nacos.discovery.enabled=false",
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.datasource.username=" + stack.infra.mysql().user(),
                "--spring.datasource.password=" + stack.infra.mysql().password(),
                "--rocketmq.name-server=" + stack.infra.namesrvAddr(),
                "--dtx.account.rocketmq-client-interval-ms=1000"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
