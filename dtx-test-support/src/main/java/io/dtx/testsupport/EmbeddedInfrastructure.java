package io.dtx.testsupport;

import io.dtx.sandbox.MysqlServer;
import io.dtx.sandbox.Sandbox;
import io.dtx.sandbox.SandboxConfig;
import java.nio.file.Path;
import java.util.Collection;

/** The dtx-sandbox: in-process RocketMQ and an embedded MariaDB, or what DTX_* variables name. */
final class EmbeddedInfrastructure implements ManagedInfrastructure {

    private final Sandbox sandbox;

    EmbeddedInfrastructure(Path workDir) {
        this.sandbox = Sandbox.start(SandboxConfig.fromEnvironment(workDir));
    }

    @Override
    public String namesrvAddr() {
        return sandbox.namesrvAddr();
    }

    @Override
    public MysqlServer mysql() {
        return sandbox.mysql();
    }

    @Override
    public MysqlServer serviceLogin(String schema) {
        return sandbox.serviceLogin(schema);
    }

    @Override
    public void declare(Collection<String> topics, Collection<String> consumerGroups) {
        sandbox.declare(topics, consumerGroups);
    }

    @Override
    public String kind() {
        return "embedded";
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
