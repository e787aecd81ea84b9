package io.dtx.system;

import static io.dtx.system.Http.rechargeJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The real docker compose stack: MySQL 8.4, RocketMQ, Nacos with auth, and both services built
 * from this repository. Runs only where a Docker engine answers; skipped (and reported so) here.
 * Where it runs, the rest of this module also runs on MySQL and RocketMQ containers
 * (DTX_TEST_INFRA=auto picks them), check-back story included.
 */
@EnabledIf(
        value = "io.dtx.testsupport.SharedInfrastructure#dockerAvailable",
        disabledReason = "no Docker engine: the compose stack cannot run here")
class ComposeStackIntegrationTests {

    private static ComposeContainer compose;

    @BeforeAll
    static void up() {
        String secret = UUID.randomUUID().toString();
        compose = new ComposeContainer(new File("../docker-compose.yml"))
                .withEnv(Map.ofEntries(
                        Map.entry("MYSQL_ROOT_PASSWORD", secret),
                        Map.entry("PAY_DB_PASSWORD", secret),
                        Map.entry("ACCOUNT_DB_PASSWORD", secret),
                        Map.entry("NACOS_AUTH_TOKEN", Base64.getEncoder().encodeToString((secret + secret).getBytes())),
                        Map.entry("NACOS_AUTH_IDENTITY_KEY", "dtx-it"),
                        Map.entry("NACOS_AUTH_IDENTITY_VALUE", secret),
                        Map.entry("NACOS_USERNAME", "nacos"),
                        Map.entry("NACOS_PASSWORD", "nacos"),
                        Map.entry("DTX_SERVICE_TOKEN", DtxStack.SERVICE_TOKEN),
                        Map.entry("DTX_MESSAGE_KEYS", DtxStack.MESSAGE_KEYS),
                        Map.entry("DTX_MESSAGE_KEY_ID", "it-1")))
                .withBuild(true)
                .withExposedService(
                        "dtx-pay-service", 56082, Wait.forHttp("/readyz").withStartupTimeout(Duration.ofMinutes(10)))
                .withExposedService(
                        "dtx-account-service",
                        56081,
                        Wait.forHttp("/readyz").withStartupTimeout(Duration.ofMinutes(10)));
        compose.start();
    }

    @AfterAll
    static void down() {
        if (compose != null) {
            compose.stop();
        }
    }

    @Test
    void rechargeIsCreditedAndThePullReachesThePayServiceThroughNacos() {
        Http pay = new Http("http://" + compose.getServiceHost("dtx-pay-service", 56082) + ":"
                + compose.getServicePort("dtx-pay-service", 56082));
        Http account = new Http(
                "http://" + compose.getServiceHost("dtx-account-service", 56081) + ":"
                        + compose.getServicePort("dtx-account-service", 56081),
                DtxStack.SERVICE_TOKEN);

        Http.Response created = pay.post("/pay/recharges", rechargeJson("1", "100.00"));
        assertThat(created.status()).isEqualTo(201);
        String txNo = created.json().get("txNo").asString();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> account.get("/accounts/1").body().contains(txNo));
        // The account service has no static address for the pay service in the docker profile's
        // preferred path: this answer comes through Nacos.
        assertThat(account.post("/accounts/recharges/" + txNo + "/pull", "")
                        .json()
                        .get("outcome")
                        .asString())
                .isEqualTo("ALREADY_APPLIED");
        assertThat(account.post("/accounts/recharges/" + UUID.randomUUID() + "/pull", "")
                        .json()
                        .get("outcome")
                        .asString())
                .isEqualTo("NOT_FOUND");
    }
}
