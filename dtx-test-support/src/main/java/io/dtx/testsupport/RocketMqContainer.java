package io.dtx.testsupport;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.io.IOException;
import java.time.Duration;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The official RocketMQ image running a name server and a broker in one container.
 *
 * <p>No Testcontainers RocketMQ module is published where this project builds, so this is a plain
 * {@link GenericContainer}. The one subtlety: clients learn the broker's address from the name
 * server, so once the container runs, the broker is told to advertise the host and the mapped
 * port, which is what a client outside Docker can reach.
 */
final class RocketMqContainer extends GenericContainer<RocketMqContainer> {

    static final String IMAGE = "apache/rocketmq:5.3.2";
    static final int NAMESRV_PORT = 9876;
    static final int BROKER_PORT = 10911;
    private static final String BROKER_CONF = "/home/rocketmq/dtx-broker.conf";

    RocketMqContainer() {
        super(DockerImageName.parse(IMAGE));
        withExposedPorts(NAMESRV_PORT, BROKER_PORT);
        withCopyFileToContainer(MountableFile.forClasspathResource("dtx-test-broker.conf"), BROKER_CONF);
        withCommand("sh", "-c", "./mqnamesrv & ./mqbroker -n localhost:" + NAMESRV_PORT + " -c " + BROKER_CONF);
        waitingFor(Wait.forLogMessage(".*The broker\\[.*boot success.*", 1).withStartupTimeout(Duration.ofMinutes(2)));
    }

    @Override
    protected void containerIsStarted(InspectContainerResponse containerInfo) {
        advertise("brokerIP1", getHost());
        advertise("listenPort", Integer.toString(getMappedPort(BROKER_PORT)));
    }

    private void advertise(String key, String value) {
        try {
            ExecResult result = execInContainer(
                    "sh",
                    "-c",
                    "./mqadmin updateBrokerConfig -b localhost:" + BROKER_PORT + " -k " + key + " -v " + value);
            if (result.getExitCode() != 0) {
                throw new IllegalStateException("mqadmin updateBrokerConfig " + key + " failed: " + result.getStderr());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not run mqadmin in the RocketMQ container", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String namesrvAddr() {
        return getHost() + ":" + getMappedPort(NAMESRV_PORT);
    }
}
