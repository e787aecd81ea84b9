package io.dtx.walkthrough.demo;

import io.dtx.walkthrough.console.Console;
import io.dtx.walkthrough.stack.LocalStack;
import io.dtx.walkthrough.stack.StackProfile;
import io.dtx.walkthrough.stack.Workspace;
import java.io.PrintStream;
import java.util.List;

/** {@code ./dtx demo}: a fresh stack, the story told on it, every process stopped afterwards. */
public final class Demo {

    /** How many steps the story has; they are numbered from 1. */
    public static final int STEPS = Story.STEPS.size();

    private Demo() {}

    /**
     * Starts a fresh stack, tells the chosen steps, stops every process it started.
     *
     * @param color whether the terminal shows ANSI colours
     * @return true if every check of every step held
     */
    public static boolean run(Workspace workspace, List<Integer> steps, PrintStream out, boolean color) {
        return run(workspace, steps, out, color, -1);
    }

    /** The same, watched by the learners' console on {@code consolePort} unless it is negative. */
    public static boolean run(
            Workspace workspace, List<Integer> steps, PrintStream out, boolean color, int consolePort) {
        Console console = null;
        Narrator say = new Narrator(out, color);
        LocalStack stack = new LocalStack(workspace, StackProfile.DEMO);
        Thread stopper = new Thread(stack::close, "dtx-stop");
        Runtime.getRuntime().addShutdownHook(stopper); // Ctrl-C stops the processes too
        try {
            long t0 = System.nanoTime();
            say.plain("Starting the sandbox (RocketMQ + MariaDB) and both services as separate processes...");
            stack.start();
            say.plain(String.format(
                    "Ready in %.1fs: pay service %s (pid %d), account service %s (pid %d),"
                            + " broker pid %d, database pid %d. Logs in %s",
                    (System.nanoTime() - t0) / 1e9,
                    workspace.payUrl(),
                    stack.pay().pid(),
                    workspace.accountUrl(),
                    stack.account().pid(),
                    stack.broker().pid(),
                    stack.database().pid(),
                    workspace.logDir()));
            if (consolePort >= 0) {
                console = Console.start(workspace, stack, consolePort);
                say.plain("The learners' console watches the story: " + console.url());
            }
            return new Story(new Scene(workspace, stack, say)).run(steps);
        } catch (RuntimeException e) {
            say.plain("The demo could not run: " + e.getMessage());
            return false;
        } finally {
            if (console != null) {
                console.close();
            }
            say.plain("Stopping every process the demo started...");
            stack.close();
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
    }
}
