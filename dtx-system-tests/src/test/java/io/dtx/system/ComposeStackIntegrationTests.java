package io.dtx.system;

import static io.dtx.system.Http.rechargeJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dtx.testsupport.ScriptRun;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The real docker compose stack, exactly as a reader starts it: {@code docker/new-env.sh}, then
 * {@code docker compose up --build} (MySQL 8.4, RocketMQ with access control, Nacos 3 with its
 * users, the dashboard, and both services built from this repository). Runs only where a Docker
 * engine and the Compose CLI answer; skipped, and reported so, elsewhere. The published host ports
 * are moved to free ones so the stack collides with nothing; the test reaches the services through
 * Testcontainers' own proxy.
 */
@EnabledIf(
        value = "io.dtx.testsupport.SharedInfrastructure#composeAvailable",
        disabledReason = "no Docker engine with the Compose CLI: the compose stack cannot run here")
class ComposeStackIntegrationTests {

    private static final List<String> HOST_PORTS =
            List.of("PAY_HOST_PORT", "ACCOUNT_HOST_PORT", "DASHBOARD_HOST_PORT", "NACOS_CONSOLE_HOST_PORT");

    @TempDir
    static Path work;

    private static ComposeContainer compose;
    private static Map<String, String> env;

    @BeforeAll
    static void up() {
        env = newEnv();
        compose = new ComposeContainer(
                        "dtx-it-" + UUID.randomUUID().toString().substring(0, 8), new File("../docker-compose.yml"))
                .withEnv(env)
                .withBuild(true)
                .withExposedService(
                        "dtx-pay-service", 56082, Wait.forHttp("/readyz").withStartupTimeout(Duration.ofMinutes(15)))
                .withExposedService(
                        "dtx-account-service",
                        56081,
                        Wait.forHttp("/readyz").withStartupTimeout(Duration.ofMinutes(15)));
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
                env.get("DTX_SERVICE_TOKEN"));

        Http.Response created = pay.post("/pay/recharges", rechargeJson("1", "100.00"));
        assertThat(created.status()).isEqualTo(201);
        String txNo = created.json().get("txNo").asString();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> account.get("/accounts/1").body().contains(txNo));
        // The account service finds the pay service through Nacos, logged in as the services' user.
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

    /** The .env a reader makes with docker/new-env.sh, host ports moved to free ones. */
    private static Map<String, String> newEnv() {
        Path file = work.resolve(".env");
        ScriptRun made = ScriptRun.of(ScriptRun.ROOT.resolve("docker/new-env.sh"), Map.of(), file.toString());
        assertThat(made.exitCode()).as(made.output()).isZero();
        Properties values = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            values.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> environment = new HashMap<>();
        values.stringPropertyNames().forEach(name -> environment.put(name, values.getProperty(name)));
        HOST_PORTS.forEach(port -> environment.put(port, Integer.toString(freePort())));
        return environment;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
