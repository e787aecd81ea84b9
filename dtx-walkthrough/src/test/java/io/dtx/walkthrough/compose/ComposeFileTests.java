package io.dtx.walkthrough.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.dtx.contract.Messaging;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What can be checked of the docker compose stack without a Docker engine: the file parses, uses
 * the Compose specification, pins every image, and everything it builds, mounts or needs exists.
 */
class ComposeFileTests {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[-?][^}]*)?}");

    private final String text = read(ROOT.resolve("docker-compose.yml"));
    private final Map<String, Object> compose = new Yaml().load(text);

    @Test
    void followsTheComposeSpecification() {
        assertThat(compose).doesNotContainKey("version").containsKeys("services", "volumes");
        assertThat(services())
                .containsKeys(
                        "mysql",
                        "namesrv",
                        "broker-store",
                        "broker",
                        "broker-init",
                        "discovery-server",
                        "discovery-users",
                        "rocketmq-dashboard",
                        "dtx-pay-service",
                        "dtx-account-service",
                        "dtx-notifier",
                        "dtx-binlog-relay");
    }

    @Test
    void everyImageHasAPinnedTag() {
        services().forEach((name, service) -> {
            String image = (String) service.get("image");
            assertThat(image).as(name + " image").isNotNull();
            String resolved = image.replaceAll("\\$\\{[A-Z0-9_]+:-([^}]*)}", "$1");
            assertThat(resolved)
                    .as(name)
                    .contains(":")
                    .doesNotEndWith(":latest")
                    .doesNotEndWith(":");
        });
        for (Path dockerfile : List.of(ROOT.resolve("docker/service.Dockerfile"))) {
            Matcher from = Pattern.compile("(?m)^FROM (\\S+)").matcher(read(dockerfile));
            while (from.find()) {
                assertThat(from.group(1)).as(dockerfile + " FROM").contains(":").doesNotEndWith(":latest");
            }
        }
    }

    @Test
    void everyBuildContextDockerfileAndMountedFileExists() {
        services().forEach((name, service) -> {
            if (service.get("build") instanceof Map<?, ?> build) {
                Path context = ROOT.resolve((String) build.get("context"));
                assertThat(context).as(name + " build context").isDirectory();
                assertThat(context.resolve((String) build.get("dockerfile")))
                        .as(name + " Dockerfile")
                        .isRegularFile();
                // The one Dockerfile builds the module named by SERVICE: it must exist.
                assertThat(context.resolve((String) ((Map<?, ?>) build.get("args")).get("SERVICE")))
                        .as(name + " SERVICE")
                        .isDirectory();
            }
            for (Object volume : (List<?>) service.getOrDefault("volumes", List.of())) {
                String source = volume.toString().split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(ROOT.resolve(source))
                            .as(name + " mounts " + source)
                            .exists();
                }
            }
        });
    }

    @Test
    void everyServiceIsHealthCheckedAndLimitedAndWaitsForHealthyDependencies() {
        services().forEach((name, service) -> {
            assertThat(service).as(name).containsKey("mem_limit");
            if (!ComposeServices.oneShots(services()).contains(name)) {
                assertThat(service).as(name + " healthcheck").containsKey("healthcheck");
            }
            if (service.get("depends_on") instanceof Map<?, ?> dependencies) {
                dependencies.forEach((dependency, condition) -> assertThat(((Map<?, ?>) condition).get("condition"))
                        .as(name + " -> " + dependency)
                        .isIn("service_healthy", "service_completed_successfully"));
            }
        });
    }

    @Test
    void everyVariableHasADefaultOrIsInEnvExample() throws IOException {
        Properties example = new Properties();
        try (var in = Files.newInputStream(ROOT.resolve(".env.example"))) {
            example.load(in);
        }
        Matcher variables = VARIABLE.matcher(text);
        Set<String> required = new HashSet<>();
        while (variables.find()) {
            String modifier = variables.group(2);
            if (modifier == null || modifier.contains("?")) {
                required.add(variables.group(1));
            }
        }
        assertThat(required).isNotEmpty();
        assertThat(example.stringPropertyNames()).containsAll(required);
    }

    @Test
    void servicesGetEveryVariableTheirDockerProfileNeeds() {
        for (String service : List.of("dtx-pay-service", "dtx-account-service", "dtx-notifier", "dtx-binlog-relay")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> environment =
                    (Map<String, Object>) services().get(service).get("environment");
            assertThat(environment.get("SPRING_PROFILES_ACTIVE")).isEqualTo("docker");
            String yaml = read(ROOT.resolve(service + "/src/main/resources/application.yml"))
                    + read(ROOT.resolve(service + "/src/main/resources/application-docker.yml"));
            // Every address the service reads, and every secret (no default), must be set by compose.
            Matcher variables = VARIABLE.matcher(yaml);
            while (variables.find()) {
                String name = variables.group(1);
                String defaultValue = variables.group(2);
                boolean addressOrSecret = name.endsWith("_URL")
                        || name.endsWith("_ADDR")
                        || name.endsWith("_USER")
                        || name.endsWith("_PASSWORD")
                        || name.endsWith("_PORT")
                        || defaultValue == null
                        || defaultValue.equals(":");
                if (addressOrSecret && !name.equals("PAY_SERVICE_URL") && !name.startsWith("NACOS_ENABLED")) {
                    assertThat(environment).as(service + " needs " + name).containsKey(name);
                }
            }
        }
    }

    @Test
    void brokerScriptsNameWhatTheContractNames() {
        // That the topics and groups really exist afterwards, BrokerInitScriptsIntegrationTests shows.
        String topics = read(ROOT.resolve("docker/rocketmq/create-topics.sh"));
        String users = read(ROOT.resolve("docker/rocketmq/create-users.sh"));
        Messaging.TOPICS.forEach(topic -> {
            assertThat(topics).contains("Topic:" + topic + "=");
            assertThat(users).contains("Topic:" + topic + "=");
        });
        Messaging.CONSUMER_GROUPS.forEach(group -> {
            assertThat(topics).contains("Group:" + group + " ", "%RETRY%" + group + "=", "%DLQ%" + group + "=");
            assertThat(users).contains("Group:" + group + "=");
        });
        assertThat(read(ROOT.resolve("docker/rocketmq/broker.conf")))
                .contains("autoCreateTopicEnable=false", "authenticationEnabled=true", "authorizationEnabled=true");
    }

    @Test
    void noSecretIsCommittedAndTheExampleHoldsNone() throws IOException {
        assertThat(ROOT.resolve(".gitignore")).content().contains(".env");
        assertThat(text).doesNotContainPattern("(PASSWORD|SECRET|SECRETKEY|TOKEN|KEYS|VALUE): [^$\\s]");
        Properties example = new Properties();
        try (var in = Files.newInputStream(ROOT.resolve(".env.example"))) {
            example.load(in);
        }
        example.stringPropertyNames().stream()
                .filter(name -> name.matches(".*(PASSWORD|SECRET|TOKEN|KEYS|IDENTITY_KEY|IDENTITY_VALUE)"))
                .forEach(name -> assertThat(example.getProperty(name))
                        .as(name + " in .env.example")
                        .isEmpty());
    }

    @Test
    void onlyTheServicesAndTheConsolesArePublishedAndOnlyOnLoopback() {
        Set<String> published = new HashSet<>();
        services().forEach((name, service) -> {
            for (Object port : (List<?>) service.getOrDefault("ports", List.of())) {
                assertThat(port.toString()).as(name + " port").startsWith("127.0.0.1:");
                published.add(name);
            }
        });
        assertThat(published)
                .containsExactlyInAnyOrder(
                        "dtx-pay-service",
                        "dtx-account-service",
                        "dtx-notifier",
                        "rocketmq-dashboard",
                        "discovery-server");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
