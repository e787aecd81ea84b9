package io.dtx.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMariaDbIntegrationTests {

    /**
     * A server deletes every {@code #sql*} file in its tmpdir as it starts. Had the install's
     * bootstrap server used the machine's {@code /tmp}, this stand-in for another install's
     * temporary table would be gone, as the real ones were when two test forks installed at once.
     */
    @Test
    void installingLeavesTheMachinesTmpAlone(@TempDir Path work) throws Exception {
        Path sharedTmp = Path.of(System.getenv().getOrDefault("TMPDIR", "/tmp"));
        Path othersTable = Files.createTempFile(sharedTmp, "#sql-temptable-dtx-", ".MAI");
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(work)) {
            assertThat(othersTable).exists();
        } finally {
            Files.deleteIfExists(othersTable);
        }
    }
}
