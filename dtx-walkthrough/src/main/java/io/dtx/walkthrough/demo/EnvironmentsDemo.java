package io.dtx.walkthrough.demo;

import io.dtx.walkthrough.stack.EnvironmentsStack;
import io.dtx.walkthrough.stack.Workspace;
import java.io.PrintStream;
import java.util.Locale;

/**
 * {@code ./dtx demo --environments}: the second story, two deployment environments on one
 * database routed apart by the binlog relay, on a fresh stack of its own, every process stopped
 * afterwards.
 */
public final class EnvironmentsDemo {

    private EnvironmentsDemo() {}

    /** @return true if every check of every step held */
    public static boolean run(Workspace workspace, PrintStream out, boolean color) {
        return run(workspace, out, color, Locale.ROOT);
    }

    /** The same, told in {@code language} (a language without its own words is told in English). */
    public static boolean run(Workspace workspace, PrintStream out, boolean color, Locale language) {
        Narrator say = new Narrator(out, color, Narrator.narration(language));
        EnvironmentsStack stack = new EnvironmentsStack(workspace);
        Thread stopper = new Thread(stack::close, "dtx-stop");
        Runtime.getRuntime().addShutdownHook(stopper); // Ctrl-C stops the processes too
        try {
            long t0 = System.nanoTime();
            say.say("environments.starting");
            stack.start();
            say.say(
                    "environments.ready",
                    String.format("%.1f", (System.nanoTime() - t0) / 1e9),
                    stack.payUrl("dev"),
                    stack.pid("pay-dev"),
                    stack.payUrl("staging"),
                    stack.pid("pay-staging"),
                    stack.pid("account-dev"),
                    stack.pid("account-staging"),
                    workspace.relayUrl(),
                    stack.pid("relay"),
                    workspace.logDir());
            return new EnvironmentsStory(workspace, stack, say).run();
        } catch (RuntimeException e) {
            say.say("demo.couldNotRun", e.getMessage());
            return false;
        } finally {
            say.say("demo.stopping");
            stack.close();
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
    }
}
