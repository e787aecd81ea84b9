package io.dtx.sandbox;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the sandbox should start, read from the environment.
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><td>DTX_MYSQL_URL</td><td>use this MySQL server instead of the embedded MariaDB, e.g.
 *       {@code jdbc:mysql://db.example:3306}; the schemas of sql/ are applied to it</td></tr>
 *   <tr><td>DTX_MYSQL_USER, DTX_MYSQL_PASSWORD</td><td>its login (user defaults to root)</td></tr>
 *   <tr><td>DTX_NAMESRV_ADDR</td><td>use this RocketMQ name server ({@code host:port}) instead of
 *       the embedded broker</td></tr>
 *   <tr><td>DTX_SANDBOX_DATABASE</td><td>{@code mariadb-11.8}: MariaDB 11.8 from Debian 13's packages
 *       ({@link DebianMariaDb}, whose binlog names each transaction's thread) instead of the embedded
 *       MariaDB 11.4; default {@code embedded}</td></tr>
 * </table>
 *
 * @param workDir        where embedded servers keep their files; nothing is written elsewhere
 * @param externalMysql  a server to use instead of the embedded one
 * @param externalNamesrv a name server to use instead of the embedded broker
 * @param debianMariaDb  start MariaDB 11.8 from Debian's packages rather than the embedded 11.4
 */
public record SandboxConfig(
        Path workDir, Optional<MysqlServer> externalMysql, Optional<String> externalNamesrv, boolean debianMariaDb) {

    public static final String DEBIAN_MARIADB = "mariadb-11.8";

    public static SandboxConfig fromEnvironment(Path workDir) {
        return from(workDir, System.getenv());
    }

    static SandboxConfig from(Path workDir, Map<String, String> env) {
        Optional<MysqlServer> mysql = nonBlank(env.get("DTX_MYSQL_URL"))
                .map(url -> new MysqlServer(
                        url,
                        nonBlank(env.get("DTX_MYSQL_USER")).orElse("root"),
                        env.getOrDefault("DTX_MYSQL_PASSWORD", "")));
        String database = nonBlank(env.get("DTX_SANDBOX_DATABASE")).orElse("embedded");
        if (!database.equals("embedded") && !database.equals(DEBIAN_MARIADB)) {
            throw new IllegalArgumentException(
                    "DTX_SANDBOX_DATABASE must be embedded or " + DEBIAN_MARIADB + ", not " + database);
        }
        return new SandboxConfig(
                workDir, mysql, nonBlank(env.get("DTX_NAMESRV_ADDR")), database.equals(DEBIAN_MARIADB));
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}
