package io.dtx.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class EnvironmentLoginsTests {

    @Test
    void namesAreListedTrimmedAndLowerCased() {
        assertThat(EnvironmentLogins.parse(" dev, Staging ")).containsExactly("dev", "staging");
        assertThat(EnvironmentLogins.parse(null)).isEmpty();
        assertThat(EnvironmentLogins.parse(" ")).isEmpty();
    }

    @Test
    void aNameThatCouldNotBeAnIdentifierPartIsRefused() {
        // They become user, schema and topic names, written into DDL.
        for (String bad : new String[] {"dev;drop", "x'y", "1dev", "a".repeat(17), "dev-2", "pay"}) {
            assertThatIllegalArgumentException()
                    .as(bad)
                    .isThrownBy(() -> EnvironmentLogins.parse("dev," + bad))
                    .withMessageContaining("DTX_SANDBOX_ENVIRONMENTS");
        }
    }
}
