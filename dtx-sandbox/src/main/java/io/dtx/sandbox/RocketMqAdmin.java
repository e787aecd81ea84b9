package io.dtx.sandbox;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.apache.rocketmq.remoting.protocol.subscription.SubscriptionGroupConfig;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * Creates topics and consumer groups on any RocketMQ cluster (embedded or external) through the
 * admin API, and waits until the name server can route them.
 *
 * <p>Why declare up front rather than rely on auto-creation: a consumer's first retry otherwise
 * waits for {@code %RETRY%group} to be created (40 s seen), and the dead-letter topic the broker
 * creates itself is write-only, so nobody could read what landed there.
 */
public final class RocketMqAdmin implements AutoCloseable {

    private static final int QUEUES = 4;
    private static final Duration ROUTE_TIMEOUT = Duration.ofSeconds(60);

    private final DefaultMQAdminExt admin;
    private final Runnable nudgeRegistration;

    /**
     * @param nudgeRegistration run while a route is missing; the embedded broker uses it to
     *                          re-register at once instead of waiting for its 30 s heartbeat
     */
    public RocketMqAdmin(String namesrvAddr, Runnable nudgeRegistration) {
        this.nudgeRegistration = nudgeRegistration;
        this.admin = new DefaultMQAdminExt(5_000);
        admin.setNamesrvAddr(namesrvAddr);
        admin.setInstanceName("dtx-admin-" + UUID.randomUUID());
        try {
            admin.start();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot reach RocketMQ name server " + namesrvAddr, e);
        }
    }

    /** Creates the topics, and for each group its retry and dead-letter topics; idempotent. */
    public void declare(Collection<String> topics, Collection<String> consumerGroups) {
        try {
            List<String> brokers = masterBrokerAddrs();
            for (String broker : brokers) {
                for (String topic : topics) {
                    admin.createAndUpdateTopicConfig(broker, readWrite(topic, QUEUES));
                }
                for (String group : consumerGroups) {
                    SubscriptionGroupConfig config = new SubscriptionGroupConfig();
                    config.setGroupName(group);
                    admin.createAndUpdateSubscriptionGroupConfig(broker, config);
                    admin.createAndUpdateTopicConfig(broker, readWrite(MixAll.getRetryTopic(group), 1));
                    admin.createAndUpdateTopicConfig(broker, readWrite(MixAll.getDLQTopic(group), 1));
                }
            }
            for (String topic : topics) {
                awaitRoute(topic);
            }
            for (String group : consumerGroups) {
                awaitRoute(MixAll.getRetryTopic(group));
                awaitRoute(MixAll.getDLQTopic(group));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while declaring topics", e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not declare topics " + topics + " and groups " + consumerGroups, e);
        }
    }

    private static TopicConfig readWrite(String topic, int queues) {
        return new TopicConfig(topic, queues, queues, PermName.PERM_READ | PermName.PERM_WRITE);
    }

    private List<String> masterBrokerAddrs() throws Exception {
        long deadline = System.nanoTime() + ROUTE_TIMEOUT.toNanos();
        while (true) {
            ClusterInfo cluster = admin.examineBrokerClusterInfo();
            // A broker that has just (re)started can be listed before it has an address, and
            // selectBrokerAddr fails on an empty address table (found by the store-wipe fault).
            List<String> addrs = cluster.getBrokerAddrTable().values().stream()
                    .filter(broker -> broker.getBrokerAddrs() != null
                            && !broker.getBrokerAddrs().isEmpty())
                    .map(BrokerData::selectBrokerAddr)
                    .filter(addr -> addr != null)
                    .toList();
            if (!addrs.isEmpty()) {
                return addrs;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("No broker registered with the name server");
            }
            nudgeRegistration.run();
            Thread.sleep(200);
        }
    }

    private void awaitRoute(String topic) throws InterruptedException {
        long deadline = System.nanoTime() + ROUTE_TIMEOUT.toNanos();
        Exception lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                TopicRouteData route = admin.examineTopicRouteInfo(topic);
                if (route != null && !route.getQueueDatas().isEmpty()) {
                    return;
                }
            } catch (Exception noRouteYet) {
                lastError = noRouteYet;
            }
            nudgeRegistration.run();
            Thread.sleep(200);
        }
        throw new IllegalStateException("No route for topic " + topic + " after " + ROUTE_TIMEOUT, lastError);
    }

    @Override
    public void close() {
        admin.shutdown();
    }
}
