package io.dtx.testsupport;

import io.dtx.sandbox.MysqlServer;
import io.dtx.sandbox.RocketMqAdmin;
import io.dtx.sandbox.ServiceUsers;
import io.dtx.sandbox.SqlScripts;
import java.util.Collection;
import java.util.Map;
import org.testcontainers.mysql.MySQLContainer;

/** MySQL 8.4 and RocketMQ 5 in Docker containers, for machines that run a Docker engine. */
final class ContainerInfrastructure implements ManagedInfrastructure {

    static final String MYSQL_IMAGE = "mysql:8.4.6";

    private final MySQLContainer mysqlContainer;
    private final RocketMqContainer rocketMq;
    private final MysqlServer mysql;
    private final Map<String, MysqlServer> serviceLogins;

    ContainerInfrastructure() {
        mysqlContainer = new MySQLContainer(MYSQL_IMAGE)
                .withUsername("root")
                .withCommand(
                        "--character-set-server=utf8mb4",
                        "--collation-server=utf8mb4_unicode_ci",
                        "--default-time-zone=+00:00",
                        // The binlog relay reads column names from the binlog.
                        "--binlog-row-metadata=FULL");
        rocketMq = new RocketMqContainer();
        mysqlContainer.start();
        rocketMq.start();
        mysql = new MysqlServer(
                "jdbc:mysql://" + mysqlContainer.getHost() + ":" + mysqlContainer.getMappedPort(3306),
                "root",
                mysqlContainer.getPassword());
        // The same files, applied the same way, as on the embedded database.
        SqlScripts.apply(mysql, SqlScripts.SCHEMAS);
        serviceLogins = ServiceUsers.create(mysql);
    }

    @Override
    public String namesrvAddr() {
        return rocketMq.namesrvAddr();
    }

    @Override
    public MysqlServer mysql() {
        return mysql;
    }

    @Override
    public MysqlServer serviceLogin(String schema) {
        return serviceLogins.get(schema);
    }

    @Override
    public void declare(Collection<String> topics, Collection<String> consumerGroups) {
        try (RocketMqAdmin admin = new RocketMqAdmin(namesrvAddr(), () -> {})) {
            admin.declare(topics, consumerGroups);
        }
    }

    @Override
    public String kind() {
        return "containers";
    }

    @Override
    public void close() {
        try {
            rocketMq.stop();
        } finally {
            mysqlContainer.stop();
        }
    }
}
