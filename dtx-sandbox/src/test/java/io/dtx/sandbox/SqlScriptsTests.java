package io.dtx.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptsTests {

    @Test
    void splitsAtSemicolonsThatEndALineAndSkipsComments() {
        List<String> statements = SqlScripts.statements("""
                -- a comment; with a semicolon
                CREATE TABLE t (
                  a INT COMMENT 'x; y'
                );

                INSERT INTO t VALUES (1);
                """);

        assertThat(statements)
                .containsExactly("CREATE TABLE t (\n  a INT COMMENT 'x; y'\n)", "INSERT INTO t VALUES (1)");
    }

    @Test
    void refusesAScriptThatEndsInsideAStatement() {
        assertThatThrownBy(() -> SqlScripts.statements("SELECT 1;\nSELECT 2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SELECT 2");
    }

    @Test
    void bothShippedScriptsSplitIntoStatementsThatCreateTheirDatabase() {
        assertThat(SqlScripts.statements(SqlScripts.read(SqlScripts.BANK1)))
                .first()
                .asString()
                .startsWith("CREATE DATABASE IF NOT EXISTS bank1 ");
        assertThat(SqlScripts.statements(SqlScripts.read(SqlScripts.BANK1_PAY)))
                .first()
                .asString()
                .startsWith("CREATE DATABASE IF NOT EXISTS bank1_pay ");
    }
}
