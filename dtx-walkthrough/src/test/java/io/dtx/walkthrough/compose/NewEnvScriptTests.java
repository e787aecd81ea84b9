package io.dtx.walkthrough.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.dtx.contract.MessageSigning;
import io.dtx.testsupport.ScriptRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker/new-env.sh}, the first step of the compose quick start: every secret compose
 * requires gets a value of its own that each consumer of it accepts, and nothing is overwritten.
 */
class NewEnvScriptTests {

    private static final Path SCRIPT = ScriptRun.ROOT.resolve("docker/new-env.sh");
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?");

    @TempDir
    Path dir;

    @Test
    void everySecretComposeRequiresGetsAFreshValueThatItsConsumersAccept() throws IOException {
        Path env = dir.resolve(".env");
        ScriptRun run = ScriptRun.of(SCRIPT, Map.of(), env.toString());
        assertThat(run.exitCode()).as(run.output()).isZero();
        Properties values = load(env);

        assertThat(Files.getPosixFilePermissions(env)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        for (String name : requiredByCompose()) {
            String value = values.getProperty(name, "");
            assertThat(value).as(name).isNotEmpty();
            assertThat(run.output()).as("no secret printed").doesNotContain(value);
            if (name.endsWith("_PASSWORD") || name.endsWith("_SECRET")) {
                // What start-broker.sh, start-dashboard.sh and 03-service-users.sh accept.
                assertThat(value).as(name).matches("[A-Za-z0-9+/=._-]{16,}");
            }
        }
        assertThat(Base64.getDecoder().decode(values.getProperty("NACOS_AUTH_TOKEN")))
                .hasSizeGreaterThanOrEqualTo(32);
        assertThatCode(() -> MessageSigning.forSigning(
                        values.getProperty("DTX_MESSAGE_KEYS"), values.getProperty("DTX_MESSAGE_KEY_ID")))
                .doesNotThrowAnyException();
        assertThatCode(() -> MessageSigning.forSigning(
                        values.getProperty("DTX_REQUEST_KEYS"), values.getProperty("DTX_REQUEST_KEY_ID")))
                .doesNotThrowAnyException();
        assertThat(values.getProperty("DTX_REQUEST_KEYS")).isNotEqualTo(values.getProperty("DTX_MESSAGE_KEYS"));
        assertThat(values.getProperty("MQ_ADMIN_PASSWORD")).isNotEqualTo(values.getProperty("PAY_MQ_SECRET"));
    }

    @Test
    void anExistingEnvIsNeverOverwritten() throws IOException {
        Path env = dir.resolve(".env");
        Files.writeString(env, "MYSQL_ROOT_PASSWORD=kept\n");

        ScriptRun run = ScriptRun.of(SCRIPT, Map.of(), env.toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("exists already");
        assertThat(env).hasContent("MYSQL_ROOT_PASSWORD=kept");
    }

    private static Set<String> requiredByCompose() throws IOException {
        Matcher required = REQUIRED.matcher(Files.readString(ScriptRun.ROOT.resolve("docker-compose.yml")));
        Set<String> names = new HashSet<>();
        while (required.find()) {
            names.add(required.group(1));
        }
        assertThat(names).contains("MQ_ADMIN_PASSWORD", "NACOS_ADMIN_PASSWORD", "DASHBOARD_PASSWORD");
        return names;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }
}
