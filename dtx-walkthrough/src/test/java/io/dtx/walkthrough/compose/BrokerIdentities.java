package io.dtx.walkthrough.compose;

import io.dtx.contract.Messaging;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * Clients of a broker with access control, each signing as one identity (or as nobody), to see
 * what the broker lets it do. Checks read the broker's answers, never the scripts' own output.
 */
final class BrokerIdentities implements AutoCloseable {

    private final String namesrvAddr;
    private final DefaultMQAdminExt admin;

    BrokerIdentities(String namesrvAddr, String adminUser, String adminPassword) throws Exception {
        this.namesrvAddr = namesrvAddr;
        this.admin = new DefaultMQAdminExt(hook(adminUser, adminPassword), 5_000);
        admin.setNamesrvAddr(namesrvAddr);
        admin.setInstanceName(unique("admin"));
        admin.start();
    }

    boolean topicExists(String topic) throws Exception {
        return admin.fetchAllTopicList().getTopicList().contains(topic);
    }

    boolean groupExists(String brokerAddr, String group) throws Exception {
        return admin.examineSubscriptionGroupConfig(brokerAddr, group) != null;
    }

    /** {@code SEND_OK} (or another send status), {@code REFUSED: CODE: n why} from the broker, or {@code FAILED}. */
    String send(String user, String secret, String topic, String key) {
        DefaultMQProducer producer = new DefaultMQProducer(unique("producer"), hook(user, secret));
        producer.setNamesrvAddr(namesrvAddr);
        producer.setInstanceName(unique("producer"));
        producer.setSendMsgTimeout(5_000);
        producer.setRetryTimesWhenSendFailed(0);
        try {
            producer.start();
            Message message = new Message(topic, "test", key, key.getBytes(StandardCharsets.UTF_8));
            return producer.send(message).getSendStatus().name();
        } catch (Exception e) {
            return refusal(e);
        } finally {
            producer.shutdown();
        }
    }

    /** {@code UPDATED}, or {@code REFUSED: CODE: n why} from the broker, or {@code FAILED}. */
    String updateBrokerConfig(String user, String secret, String brokerAddr, String key, String value) {
        DefaultMQAdminExt asUser = new DefaultMQAdminExt(hook(user, secret), 5_000);
        asUser.setNamesrvAddr(namesrvAddr);
        asUser.setInstanceName(unique("config"));
        try {
            asUser.start();
            Properties change = new Properties();
            change.setProperty(key, value);
            asUser.updateBrokerConfig(brokerAddr, change);
            return "UPDATED";
        } catch (Exception e) {
            return refusal(e);
        } finally {
            asUser.shutdown();
        }
    }

    private static String refusal(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MQBrokerException refused) {
                return "REFUSED: CODE: " + refused.getResponseCode() + " " + refused.getErrorMessage();
            }
        }
        return "FAILED: " + e;
    }

    /** Whether the identity, consuming as the group, receives the message with this key within 30 s. */
    boolean receive(String user, String secret, String group, String key) throws Exception {
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer(group, hook(user, secret));
        consumer.setNamesrvAddr(namesrvAddr);
        consumer.setInstanceName(unique("consumer"));
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(Messaging.RECHARGE_TOPIC, "*");
        consumer.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                List<MessageExt> messages = consumer.poll(1_000);
                if (messages.stream().anyMatch(m -> key.equals(m.getKeys()))) {
                    return true;
                }
            }
            return false;
        } finally {
            consumer.shutdown();
        }
    }

    private static RPCHook hook(String user, String secret) {
        return user == null ? null : new AclClientRPCHook(new SessionCredentials(user, secret));
    }

    private static String unique(String what) {
        return "dtx-test-" + what + "-" + UUID.randomUUID();
    }

    @Override
    public void close() {
        admin.shutdown();
    }
}
