package io.dtx.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxConfigTests {

    private final Path dir = Path.of("target/x");

    @Test
    void startsEverythingEmbeddedWhenNothingIsConfigured() {
        SandboxConfig config = SandboxConfig.from(dir, Map.of());

        assertThat(config.externalMysql()).isEmpty();
        assertThat(config.externalNamesrv()).isEmpty();
    }

    @Test
    void usesExternalServersNamedByTheEnvironment() {
        SandboxConfig config = SandboxConfig.from(
                dir,
                Map.of(
                        "DTX_MYSQL_URL", "jdbc:mysql://db:3306",
                        "DTX_MYSQL_USER", "dtx",
                        "DTX_MYSQL_PASSWORD", "s3cret",
                        "DTX_NAMESRV_ADDR", " mq:9876 "));

        assertThat(config.externalMysql()).contains(new MysqlServer("jdbc:mysql://db:3306", "dtx", "s3cret"));
        assertThat(config.externalNamesrv()).contains("mq:9876");
    }

    @Test
    void blankVariablesCountAsUnset() {
        assertThat(SandboxConfig.from(dir, Map.of("DTX_MYSQL_URL", " ", "DTX_NAMESRV_ADDR", ""))
                        .externalMysql())
                .isEmpty();
    }

    @Test
    void jdbcUrlPutsTheSchemaAfterHostAndKeepsGivenParameters() {
        assertThat(new MysqlServer("jdbc:mysql://db:3306/ignored", "u", "").jdbcUrl("bank1"))
                .startsWith("jdbc:mysql://db:3306/bank1?connectionTimeZone=UTC");
        assertThat(new MysqlServer("jdbc:mysql://db:3306?sslMode=REQUIRED", "u", "").jdbcUrl("bank1_pay"))
                .isEqualTo("jdbc:mysql://db:3306/bank1_pay?sslMode=REQUIRED");
    }

    @Test
    void neverPrintsThePassword() {
        assertThat(new MysqlServer("jdbc:mysql://db:3306", "u", "s3cret").toString())
                .doesNotContain("s3cret");
    }

    @Test
    void rejectsANonMysqlUrl() {
        assertThatThrownBy(() -> new MysqlServer("jdbc:postgresql://db/x", "u", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
