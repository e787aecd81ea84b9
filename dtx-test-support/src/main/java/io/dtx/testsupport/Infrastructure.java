package io.dtx.testsupport;

import io.dtx.sandbox.MysqlServer;
import java.util.Collection;

/**
 * A real RocketMQ cluster and a real MySQL-compatible server with the {@code bank1} and
 * {@code bank1_pay} schemas loaded, handed to integration tests by {@link WithInfrastructure}.
 */
public interface Infrastructure {

    /** {@code host:port} of the RocketMQ name server. */
    String namesrvAddr();

    /** The database server; {@code mysql().jdbcUrl("bank1")} is the account side's schema. */
    MysqlServer mysql();

    /**
     * The login of the service that owns {@code schema} ({@code bank1_pay} -> dtx_pay, {@code bank1}
     * -> dtx_account): row access to that schema only, enforced by the server. {@link #mysql()} is
     * the administrator, for tests that check both sides.
     */
    MysqlServer serviceLogin(String schema);

    /** Creates topics and consumer groups (with their retry and dead-letter topics); idempotent. */
    void declare(Collection<String> topics, Collection<String> consumerGroups);

    /** What runs underneath, for test logs: "embedded" or "containers". */
    String kind();
}
