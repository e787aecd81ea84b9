import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.remoting.protocol.subscription.SubscriptionGroupConfig;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.apache.rocketmq.tools.command.CommandUtil;

/**
 * The topics and consumer groups of the cluster, created on every master broker and then checked
 * to exist: the topics as the name server lists them, the groups in each broker's configuration.
 * Compiled and run by create-topics.sh inside the RocketMQ image (Java 8 there, hence plain Java 8
 * here). One JVM for all of them: mqadmin needs one per command, and each spends seconds starting
 * and stopping its client, which made the stack's first start wait a minute for this step.
 *
 * <pre>
 * java BrokerTopics Topic:dtx-recharge=4 Group:dtx-account-consumer Topic:%RETRY%dtx-account-consumer=1 ...
 * </pre>
 *
 * Waits up to BROKER_WAIT_SECONDS (120) for a master broker of BROKER_CLUSTER to register. Exits 1
 * on any failure: mqadmin exits 0 whatever happened, this does not.
 */
public final class BrokerTopics {

    public static void main(String[] args) {
        // Throwable too: an Error (a jar of another version) must not leave the client's threads,
        // and with them the init step, running for ever.
        try {
            run(args);
        } catch (Throwable e) {
            System.err.println("BrokerTopics: " + e.getMessage());
            System.exit(1);
        }
        System.exit(0); // the client leaves non-daemon threads behind
    }

    private static void run(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: BrokerTopics Topic:NAME=QUEUES... Group:NAME...");
        }
        DefaultMQAdminExt admin = new DefaultMQAdminExt(
                new AclClientRPCHook(new SessionCredentials(required("MQ_ADMIN_USER"), required("MQ_ADMIN_PASSWORD"))),
                10_000);
        admin.setNamesrvAddr(orDefault("NAMESRV_ADDR", "namesrv:9876"));
        admin.setInstanceName("dtx-broker-topics");
        admin.start();
        try {
            Set<String> brokers = mastersOnceRegistered(admin);
            for (String broker : brokers) {
                for (String resource : args) {
                    create(admin, broker, resource);
                }
            }
            checkEveryOneExists(admin, brokers, Arrays.asList(args));
            System.out.println("BrokerTopics: " + args.length + " topics and groups exist on " + brokers);
        } finally {
            admin.shutdown();
        }
    }

    /** A broker's port opens before it registers, and what is aimed at the cluster before that is lost. */
    private static Set<String> mastersOnceRegistered(DefaultMQAdminExt admin) throws InterruptedException {
        String cluster = orDefault("BROKER_CLUSTER", "DefaultCluster");
        int seconds = Integer.parseInt(orDefault("BROKER_WAIT_SECONDS", "120"));
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        System.out.println("BrokerTopics: waiting for a broker of " + cluster + " at " + admin.getNamesrvAddr());
        while (true) {
            try {
                Set<String> masters = CommandUtil.fetchMasterAddrByClusterName(admin, cluster);
                if (!masters.isEmpty()) {
                    return masters;
                }
            } catch (Exception notYet) {
                // no name server answering, or no broker of the cluster registered yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no broker of cluster " + cluster + " registered with "
                        + admin.getNamesrvAddr() + " within " + seconds + " s");
            }
            Thread.sleep(1000);
        }
    }

    private static void create(DefaultMQAdminExt admin, String broker, String resource) {
        try {
            if (resource.startsWith("Topic:")) {
                String[] nameAndQueues = resource.substring("Topic:".length()).split("=", 2);
                int queues = Integer.parseInt(nameAndQueues[1]);
                // Read and write (6), as mqadmin updateTopic sets when given no permission.
                admin.createAndUpdateTopicConfig(broker, new TopicConfig(nameAndQueues[0], queues, queues, 6));
            } else if (resource.startsWith("Group:")) {
                SubscriptionGroupConfig group = new SubscriptionGroupConfig();
                group.setGroupName(resource.substring("Group:".length()));
                admin.createAndUpdateSubscriptionGroupConfig(broker, group);
            } else {
                throw new IllegalArgumentException("neither Topic:NAME=QUEUES nor Group:NAME");
            }
        } catch (Exception e) {
            throw new IllegalStateException(resource + " could not be created on " + broker + ": " + e.getMessage(), e);
        }
    }

    private static void checkEveryOneExists(DefaultMQAdminExt admin, Set<String> brokers, List<String> resources)
            throws Exception {
        Set<String> listed = new HashSet<String>(admin.fetchAllTopicList().getTopicList());
        List<String> missing = new ArrayList<String>();
        for (String resource : resources) {
            if (resource.startsWith("Topic:")) {
                String topic = resource.substring("Topic:".length()).split("=", 2)[0];
                if (!listed.contains(topic)) {
                    missing.add("topic " + topic);
                }
            } else {
                String group = resource.substring("Group:".length());
                for (String broker : brokers) {
                    if (admin.examineSubscriptionGroupConfig(broker, group) == null) {
                        missing.add("group " + group + " on " + broker);
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("created but then not found: " + missing);
        }
    }

    private static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalStateException(variable + " is not set (see .env.example)");
        }
        return value;
    }

    private static String orDefault(String variable, String fallback) {
        String value = System.getenv(variable);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
