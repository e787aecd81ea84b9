package io.dtx.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.rocketmq.auth.config.AuthConfig;
import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.namesrv.NamesrvConfig;
import org.apache.rocketmq.namesrv.NamesrvController;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.store.config.MessageStoreConfig;

/**
 * A real RocketMQ 5 name server and broker, running inside this JVM on free ports, with the store
 * under the given directory.
 *
 * <p>It is the same broker code a production cluster runs; only the timings are shortened so that
 * a local run shows check-back and redelivery in seconds instead of minutes. The broker settings
 * that differ from the defaults:
 * <ul>
 *   <li>{@code transactionCheckInterval} 1 s (default 30 s): how often the broker scans half
 *       messages.</li>
 *   <li>{@code transactionTimeOut} 1 s (6 s): how old a half message must be before its producer
 *       is asked.</li>
 *   <li>{@code transactionOpBatchInterval} 100 ms (3 s): must stay below the timeout, or settled
 *       half messages are checked again.</li>
 *   <li>{@code transactionCheckMax} 30 (15): checks before a half message is given up; a check
 *       also counts when no producer is online, so this is how long (30 s here) a producer group
 *       may be down before its unsettled half messages are dropped.</li>
 *   <li>{@code transactionMetricFlushInterval} 1 s (10 s): the metrics thread spins on a core for
 *       this long after start (a RocketMQ bug).</li>
 *   <li>{@code timerWheelEnable} false (true): no timer messages here; the wheel's flush alone
 *       kept half a core busy.</li>
 *   <li>{@code messageDelayLevel} {@value #DELAY_LEVELS} (1s 5s 10s 30s 1m ... 2h): redelivery
 *       delays; a consumer's n-th retry uses level n+2.</li>
 * </ul>
 * The transactional message service itself is swapped for {@link OpBatchWithoutBusyLoop}, which
 * fixes a busy loop of RocketMQ 5.5.0.
 */
public final class EmbeddedRocketMq implements AutoCloseable {

    public static final String CLUSTER = "DefaultCluster";
    public static final String BROKER_NAME = "dtx-broker";

    /** 18 growing levels; retries start at level 3, so redeliveries come after 1 s, 2 s, 2 s, 3 s, ... */
    static final String DELAY_LEVELS = "1s 1s 1s 2s 2s 3s 3s 4s 5s 6s 8s 10s 15s 20s 30s 1m 2m 5m";

    private final NamesrvController namesrv;
    private final BrokerController broker;
    private final String namesrvAddr;

    private EmbeddedRocketMq(NamesrvController namesrv, BrokerController broker, String namesrvAddr) {
        this.namesrv = namesrv;
        this.broker = broker;
        this.namesrvAddr = namesrvAddr;
    }

    /**
     * A second broker of the same cluster, under another name, registered with a name server that
     * runs elsewhere: producers and consumers then spread their queues over both brokers.
     */
    public static EmbeddedRocketMq startSecondBroker(
            Path workDir, String namesrvAddr, String brokerName, int brokerPort) {
        System.setProperty(RemotingCommand.REMOTING_VERSION_KEY, Integer.toString(MQVersion.CURRENT_VERSION));
        BrokerController broker = startBroker(
                workDir.toAbsolutePath().resolve("broker"), namesrvAddr, brokerName, brokerPort, new Properties());
        return new EmbeddedRocketMq(null, broker, namesrvAddr);
    }

    public static EmbeddedRocketMq start(Path workDir) {
        return start(workDir, 0, 0);
    }

    /**
     * A broker configured by a {@code broker.conf} as well, the way {@code mqbroker -c} reads one:
     * its keys set the broker's and the access control's settings (ACL 2.0: users, their secrets
     * and what they may do live in the store). The address keys are left to this class.
     */
    public static EmbeddedRocketMq start(Path workDir, Properties brokerConf) {
        Properties settings = new Properties();
        settings.putAll(brokerConf);
        List.of("brokerIP1", "namesrvAddr", "listenPort", "storePathRootDir", "brokerClusterName", "brokerName")
                .forEach(settings::remove);
        return start(workDir, 0, 0, settings);
    }

    /**
     * Starts on the given ports (0: any free one). Fixed ports let a killed broker come back where
     * its clients look for it, with its store (and the messages in it) recovered from the files.
     * A fixed broker port P also needs P-2 free: the broker's "VIP" channel listens there.
     */
    public static EmbeddedRocketMq start(Path workDir, int namesrvPort, int brokerPort) {
        return start(workDir, namesrvPort, brokerPort, new Properties());
    }

    private static EmbeddedRocketMq start(Path workDir, int namesrvPort, int brokerPort, Properties settings) {
        // The start scripts set this; in-process nobody does, and the name server then registers
        // the broker with no topics at all ("No route info of this topic").
        System.setProperty(RemotingCommand.REMOTING_VERSION_KEY, Integer.toString(MQVersion.CURRENT_VERSION));
        Path dir = workDir.toAbsolutePath();
        NamesrvController namesrv = startNamesrv(dir.resolve("namesrv"), namesrvPort);
        String namesrvAddr = "127.0.0.1:" + namesrv.getRemotingServer().localListenPort();
        try {
            BrokerController broker =
                    startBroker(dir.resolve("broker"), namesrvAddr, BROKER_NAME, brokerPort, settings);
            return new EmbeddedRocketMq(namesrv, broker, namesrvAddr);
        } catch (RuntimeException e) {
            namesrv.shutdown();
            throw e;
        }
    }

    private static NamesrvController startNamesrv(Path dir, int port) {
        NamesrvConfig config = new NamesrvConfig();
        config.setKvConfigPath(dir.resolve("kvConfig.json").toString());
        config.setConfigStorePath(dir.resolve("namesrv.properties").toString());
        NettyServerConfig server = new NettyServerConfig();
        server.setListenPort(port);
        NamesrvController controller = new NamesrvController(config, server, new NettyClientConfig());
        try {
            if (!controller.initialize()) {
                throw new IllegalStateException("RocketMQ name server did not initialise");
            }
            controller.start();
            return controller;
        } catch (Exception e) {
            controller.shutdown();
            throw new IllegalStateException("RocketMQ name server did not start", e);
        }
    }

    private static BrokerController startBroker(
            Path dir, String namesrvAddr, String brokerName, int port, Properties settings) {
        BrokerConfig config = new BrokerConfig();
        config.setBrokerClusterName(CLUSTER);
        config.setBrokerName(brokerName);
        config.setBrokerIP1("127.0.0.1");
        config.setNamesrvAddr(namesrvAddr);
        config.setTransactionCheckInterval(1_000);
        config.setTransactionTimeOut(1_000);
        config.setTransactionOpBatchInterval(100);
        config.setTransactionCheckMax(30);
        // RocketMQ 5.5.0's TransactionMetricsFlushService busy-waits (no sleep) for its first
        // interval after start: 10 s of a full core by default, at every broker (re)start.
        config.setTransactionMetricFlushInterval(1_000);

        NettyServerConfig server = new NettyServerConfig();
        server.setListenPort(port); // with 0 the VIP port (listenPort - 2) is picked freely too

        MessageStoreConfig store = new MessageStoreConfig();
        store.setStorePathRootDir(dir.resolve("store").toString());
        store.setStorePathCommitLog(dir.resolve("store").resolve("commitlog").toString());
        store.setHaListenPort(0);
        store.setMessageDelayLevel(DELAY_LEVELS);
        // Files are memory-mapped at full size: small ones keep a test run light.
        store.setMappedFileSizeCommitLog(64 * 1024 * 1024);
        store.setMappedFileSizeTimerLog(8 * 1024 * 1024);
        // The timer wheel serves messages with an arbitrary delivery time, which dtx never sends
        // (retries use the delay levels above). Left on, its flush scans the whole wheel every
        // second, even on an idle broker.
        store.setTimerWheelEnable(false);

        MixAll.properties2Object(settings, config); // what a broker.conf says, over the defaults above
        BrokerController broker = settings.isEmpty()
                ? new BrokerController(config, server, new NettyClientConfig(), store)
                : new BrokerController(
                        config, server, new NettyClientConfig(), store, authConfig(settings, config, dir));
        try {
            if (!broker.initialize()) {
                throw new IllegalStateException("RocketMQ broker did not initialise");
            }
            OpBatchWithoutBusyLoop.install(broker);
            broker.start();
            return broker;
        } catch (Exception e) {
            broker.shutdown();
            throw new IllegalStateException("RocketMQ broker did not start", e);
        }
    }

    /** As {@code BrokerStartup} does: access control reads the same file and keeps its data in the store. */
    private static AuthConfig authConfig(Properties settings, BrokerConfig config, Path dir) {
        AuthConfig auth = new AuthConfig();
        MixAll.properties2Object(settings, auth);
        auth.setConfigName(config.getBrokerName());
        auth.setClusterName(config.getBrokerClusterName());
        auth.setAuthConfigPath(dir.resolve("store").resolve("config").toString());
        return auth;
    }

    /** {@code host:port} of the name server, what clients are given as {@code namesrvAddr}. */
    public String namesrvAddr() {
        return namesrvAddr;
    }

    public int namesrvPort() {
        return Integer.parseInt(namesrvAddr.substring(namesrvAddr.lastIndexOf(':') + 1));
    }

    public int brokerPort() {
        String addr = brokerAddr();
        return Integer.parseInt(addr.substring(addr.lastIndexOf(':') + 1));
    }

    public String brokerAddr() {
        return broker.getBrokerAddr();
    }

    /**
     * Pushes the broker's topic list to the name server now. The broker's first registration can
     * be missed, and the next periodic one is 30 s away; new topics need a route at once.
     */
    public void registerWithNamesrv() {
        broker.registerBrokerAll(true, false, true);
    }

    @Override
    public void close() {
        try {
            broker.shutdown();
        } finally {
            if (namesrv != null) {
                namesrv.shutdown();
            }
        }
    }
}
