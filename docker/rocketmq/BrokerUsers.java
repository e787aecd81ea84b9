import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.remoting.protocol.body.AclInfo;
import org.apache.rocketmq.remoting.protocol.body.UserInfo;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.apache.rocketmq.tools.command.CommandUtil;

/**
 * One broker user and exactly what it may do, on every master broker of the cluster (ACL 2.0).
 * Compiled and run by create-users.sh inside the RocketMQ image (Java 8 there, hence plain Java 8
 * here). It exists because mqadmin takes a password only as a command-line argument, which any
 * process on the host could read; this reads it from the environment.
 *
 * <pre>
 * java BrokerUsers USER_VARIABLE SECRET_VARIABLE Topic:dtx-recharge=Pub Group:dtx-x=Sub,Get ...
 * </pre>
 *
 * The user is created, or its password set to the one in the environment; grants on resources not
 * listed are removed, so the broker ends with exactly the list. Exits 1 on any failure.
 */
public final class BrokerUsers {

    public static void main(String[] args) {
        // Throwable too: an Error (a jar of another version) must not leave the client's threads,
        // and with them the init step, running for ever.
        try {
            run(args);
        } catch (Throwable e) {
            System.err.println("BrokerUsers: " + e);
            System.exit(1);
        }
        System.exit(0); // the client leaves non-daemon threads behind
    }

    private static void run(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: BrokerUsers USER_VARIABLE SECRET_VARIABLE RESOURCE=ACTIONS...");
        }
        String user = required(args[0]);
        String secret = required(args[1]);
        List<String> grants = Arrays.asList(args).subList(2, args.length);
        DefaultMQAdminExt admin = new DefaultMQAdminExt(
                new AclClientRPCHook(new SessionCredentials(required("MQ_ADMIN_USER"), required("MQ_ADMIN_PASSWORD"))),
                10_000);
        admin.setNamesrvAddr(orDefault("NAMESRV_ADDR", "namesrv:9876"));
        admin.setInstanceName("dtx-broker-users");
        admin.start();
        try {
            Set<String> brokers =
                    CommandUtil.fetchMasterAddrByClusterName(admin, orDefault("BROKER_CLUSTER", "DefaultCluster"));
            if (brokers.isEmpty()) {
                throw new IllegalStateException("no master broker in the cluster");
            }
            for (String broker : brokers) {
                saveUser(admin, broker, user, secret);
                grantExactly(admin, broker, "User:" + user, grants);
                System.out.println("BrokerUsers: " + user + " on " + broker + " may " + grants);
            }
        } finally {
            admin.shutdown();
        }
    }

    private static void saveUser(DefaultMQAdminExt admin, String broker, String user, String secret) throws Exception {
        if (existingUser(admin, broker, user) == null) {
            admin.createUser(broker, user, secret, "Normal");
        } else {
            admin.updateUser(broker, user, secret, "Normal", "enable");
        }
    }

    private static UserInfo existingUser(DefaultMQAdminExt admin, String broker, String user) {
        try {
            return admin.getUser(broker, user);
        } catch (Exception notFound) {
            return null;
        }
    }

    private static void grantExactly(DefaultMQAdminExt admin, String broker, String subject, List<String> grants)
            throws Exception {
        List<String> wanted = new ArrayList<>();
        for (String grant : grants) {
            String[] resourceAndActions = grant.split("=", 2);
            wanted.add(resourceAndActions[0]);
            admin.createAcl(broker, subject, Collections.singletonList(resourceAndActions[0]),
                    Arrays.asList(resourceAndActions[1].split(",")), Collections.<String>emptyList(), "Allow");
        }
        AclInfo acl = admin.getAcl(broker, subject);
        for (AclInfo.PolicyInfo policy : acl.getPolicies()) {
            for (AclInfo.PolicyEntryInfo entry : policy.getEntries()) {
                if (!wanted.contains(entry.getResource())) {
                    admin.deleteAcl(broker, subject, entry.getResource());
                }
            }
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
