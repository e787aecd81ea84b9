package io.dtx.sandbox;

/**
 * Where a MySQL-compatible server listens and how to log in to it.
 *
 * @param baseUrl  a JDBC URL without a schema, e.g. {@code jdbc:mysql://127.0.0.1:3306}; query
 *                 parameters after {@code ?} are kept for every schema
 * @param user     the login
 * @param password the password (the embedded server's root password is generated for each run)
 */
public record MysqlServer(String baseUrl, String user, String password) {

    /** Parameters every connection needs: UTC everywhere, utf8mb4, no TLS on loopback. */
    private static final String DEFAULT_PARAMS =
            "connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&characterEncoding=UTF-8"
                    + "&useSSL=false&allowPublicKeyRetrieval=true";

    public MysqlServer {
        if (baseUrl == null || !baseUrl.startsWith("jdbc:mysql://") && !baseUrl.startsWith("jdbc:mariadb://")) {
            throw new IllegalArgumentException("Expected a jdbc:mysql:// URL, got: " + baseUrl);
        }
        password = password == null ? "" : password;
    }

    /** The JDBC URL of one schema on this server, e.g. {@code jdbcUrl("bank1")}. */
    public String jdbcUrl(String schema) {
        int query = baseUrl.indexOf('?');
        String hostPart = stripTrailingPath(query < 0 ? baseUrl : baseUrl.substring(0, query));
        String params = query < 0 ? DEFAULT_PARAMS : baseUrl.substring(query + 1);
        return hostPart + "/" + schema + "?" + params;
    }

    /** Drops a schema or slash that a user may have put after host:port. */
    private static String stripTrailingPath(String url) {
        int hostStart = url.indexOf("//") + 2;
        int slash = url.indexOf('/', hostStart);
        return slash < 0 ? url : url.substring(0, slash);
    }

    @Override
    public String toString() {
        // Records print every component; a password must never reach a log line.
        return "MysqlServer[baseUrl=" + baseUrl + ", user=" + user + "]";
    }
}
