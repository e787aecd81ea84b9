package io.dtx.walkthrough.demo;

import io.dtx.walkthrough.stack.EnvironmentsStack;
import io.dtx.walkthrough.stack.Workspace;
import java.io.PrintStream;

/**
 * {@code ./dtx demo --environments}: the second story, two deployment environments on one
 * database routed apart by the binlog relay, on a fresh stack of its own, every process stopped
 * afterwards.
 */
public final class EnvironmentsDemo {

    private EnvironmentsDemo() {}

    /** @return true if every check of every step held */
    public static boolean run(Workspace workspace, PrintStream out, boolean color) {
        Narrator say = new Narrator(out, color);
        EnvironmentsStack stack = new EnvironmentsStack(workspace);
        Thread stopper = new Thread(stack::close, "dtx-stop");
        Runtime.getRuntime().addShutdownHook(stopper); // Ctrl-C stops the processes too
        try {
            long t0 = System.nanoTime();
            say.plain("Starting the sandbox (RocketMQ + MariaDB 11.8, whose binlog names each transaction's"
                    + " thread), the binlog relay, and a pay and an account service for dev and for staging...");
            stack.start();
            say.plain(String.format(
                    "Ready in %.1fs: pay-dev %s (pid %d), pay-staging %s (pid %d), account-dev (pid %d),"
                            + " account-staging (pid %d), relay %s (pid %d). Logs in %s",
                    (System.nanoTime() - t0) / 1e9,
                    stack.payUrl("dev"),
                    stack.pid("pay-dev"),
                    stack.payUrl("staging"),
                    stack.pid("pay-staging"),
                    stack.pid("account-dev"),
                    stack.pid("account-staging"),
                    workspace.relayUrl(),
                    stack.pid("relay"),
                    workspace.logDir()));
            return new EnvironmentsStory(workspace, stack, say).run();
        } catch (RuntimeException e) {
            say.plain("The demo could not run: " + e.getMessage());
            return false;
        } finally {
            say.plain("Stopping every process the demo started...");
            stack.close();
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
    }
}
