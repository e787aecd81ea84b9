package io.dtx.walkthrough.bench;

import io.dtx.walkthrough.stack.JavaProcess;
import io.dtx.walkthrough.stack.LocalStack;
import java.time.Duration;

/**
 * CPU time of every process of the stack, and of this load generator: where a 2-core box
 * spends its cycles while a design runs at saturation.
 */
final class CpuMeter {

    /** CPU time used so far, by process. */
    record Sample(
            Duration payService,
            Duration accountService,
            Duration brokerJvm,
            Duration mariadb,
            Duration relay,
            Duration loadGenerator) {}

    private final LocalStack stack;

    CpuMeter(LocalStack stack) {
        this.stack = stack;
    }

    /** With the first pay instance taking the payments. */
    Sample sample() {
        return sample(stack.pay());
    }

    /** With {@code pay} taking the payments (a publisher's own instance), and the relay if it runs. */
    Sample sample(JavaProcess pay) {
        // The database process is the sandbox's JVM; the server doing the work is its child.
        Duration database = stack.database()
                .handle()
                .descendants()
                .filter(p -> p.info()
                        .command()
                        .map(c -> c.contains("mariadbd") || c.contains("mysqld"))
                        .orElse(false))
                .map(CpuMeter::cpuOf)
                .reduce(Duration.ZERO, Duration::plus);
        return new Sample(
                cpuOf(pay.handle()),
                cpuOf(stack.account().handle()),
                cpuOf(stack.broker().handle()),
                database,
                relay(),
                cpuOf(ProcessHandle.current()));
    }

    private Duration relay() {
        JavaProcess relay = stack.relay() == null ? null : stack.relay().process();
        return relay == null ? Duration.ZERO : cpuOf(relay.handle());
    }

    private static Duration cpuOf(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
