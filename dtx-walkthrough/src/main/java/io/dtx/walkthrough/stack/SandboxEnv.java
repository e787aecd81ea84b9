package io.dtx.walkthrough.stack;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/** What the sandbox parts published once ready: addresses, ports and the logins made for this run. */
public final class SandboxEnv {

    private final Properties values = new Properties();

    void add(Properties published) {
        values.putAll(published);
    }

    public String namesrvAddr() {
        return values.getProperty("DTX_NAMESRV_ADDR");
    }

    public String mysqlUrl() {
        return values.getProperty("DTX_MYSQL_URL");
    }

    public String mysqlUser() {
        return values.getProperty("DTX_MYSQL_USER");
    }

    public String mysqlPassword() {
        return values.getProperty("DTX_MYSQL_PASSWORD", "");
    }

    /**
     * The sandbox publishes each schema's full JDBC URL (MysqlServer builds it), so nothing here
     * repeats the parameters.
     */
    public String jdbcUrl(String schema) {
        return values.getProperty("DTX_JDBC_URL_" + schema.toUpperCase(Locale.ROOT));
    }

    String get(String name) {
        return values.getProperty(name);
    }

    /** A restarted broker must come back on the same ports: the services and clients know only those. */
    Map<String, String> brokerPorts() {
        return Map.of("DTX_NAMESRV_PORT", get("DTX_NAMESRV_PORT"), "DTX_BROKER_PORT", get("DTX_BROKER_PORT"));
    }
}
