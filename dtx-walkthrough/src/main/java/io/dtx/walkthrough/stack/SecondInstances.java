package io.dtx.walkthrough.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fault campaign's second broker (same cluster, another name) and second instance of each
 * service, on ports two above the first: producers spread over both brokers, the two account
 * services share the consumer group, and either pay instance can answer a check-back.
 */
final class SecondInstances {

    private JavaProcess broker;
    private JavaProcess pay;
    private JavaProcess account;

    /** The broker first: both services must see both brokers from the start. */
    void start(Workspace workspace, ServiceLaunch launch, String namesrvAddr, Duration timeout) {
        List<String> args = List.of(
                workspace.runDir().resolve("sandbox").toString(),
                workspace.sandboxEnv("broker-2").toString(),
                "broker2");
        broker = new JavaProcess(
                        "broker-2",
                        workspace.sandboxJar(),
                        args,
                        Map.of("DTX_NAMESRV_ADDR", namesrvAddr),
                        workspace,
                        JvmOptions.QUICK)
                .start();
        RunFiles.awaitEnvFile(broker, workspace.sandboxEnv("broker-2"), timeout);
        int payPort = Workspace.secondInstancePort(workspace.payPort());
        int accountPort = Workspace.secondInstancePort(workspace.accountPort());
        pay = launch.payInstance("pay-2", payPort).start();
        account = launch.accountInstance("account-2", accountPort).start();
        pay.awaitHealthy("http://127.0.0.1:" + payPort, timeout);
        account.awaitHealthy("http://127.0.0.1:" + accountPort, timeout);
    }

    /** SIGKILL of all three; returns those that were alive, as "name (pid N)". */
    List<String> kill() {
        List<String> killed = new ArrayList<>();
        for (JavaProcess process : new JavaProcess[] {pay, account, broker}) {
            if (process != null && process.alive()) {
                process.kill();
                killed.add(process.name() + " (pid " + process.pid() + ")");
            }
        }
        return killed;
    }

    void stopServices() {
        stop(pay);
        stop(account);
    }

    void stopBroker() {
        stop(broker);
    }

    private static void stop(JavaProcess process) {
        if (process != null) {
            process.stop();
        }
    }
}
