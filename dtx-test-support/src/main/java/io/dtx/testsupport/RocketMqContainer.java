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
        // The image's start scripts take the whole heap from HEAP_OPTS; their defaults (2 GB for the
        // broker, 1 GB for the name server, pre-touched) would reserve 3 GB for a test.
        withEnv("HEAP_OPTS", "-Xms256m -Xmx256m -Xmn128m -XX:MaxDirectMemorySize=256m");
        withCommand("sh", "-c", "./mqnamesrv & ./mqbroker -n localhost:" + NAMESRV_PORT + " -c " + BROKER_CONF);
        waitingFor(Wait.forLogMessage(".*The broker\\[.*boot success.*", 1).withStartupTimeout(Duration.ofMinutes(2)));
    }

    @Override
    protected void containerIsStarted(InspectContainerResponse containerInfo) {
        advertise("brokerIP1", getHost());
        advertise("listenPort", Integer.toString(getMappedPort(BROKER_PORT)));
        awaitAdvertised(getHost() + ":" + getMappedPort(BROKER_PORT));
    }

    /**
     * The broker tells the name server its new address only at its next periodic registration
     * (every 30 s by default): until then clients would be sent to the container's own port.
     */
    private void awaitAdvertised(String address) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (mqadmin("clusterList -n localhost:" + NAMESRV_PORT).getStdout().contains(address)) {
                return;
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("The name server never listed the broker at " + address);
    }

    private void advertise(String key, String value) {
        ExecResult result = mqadmin("updateBrokerConfig -b localhost:" + BROKER_PORT + " -k " + key + " -v " + value);
        if (result.getExitCode() != 0) {
            throw new IllegalStateException("mqadmin updateBrokerConfig " + key + " failed: " + result.getStderr());
        }
    }

    private ExecResult mqadmin(String arguments) {
        try {
            return execInContainer("sh", "-c", "./mqadmin " + arguments);
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
