package io.dtx.walkthrough.demo;

import io.dtx.walkthrough.console.Console;
import io.dtx.walkthrough.stack.LocalStack;
import io.dtx.walkthrough.stack.StackProfile;
import io.dtx.walkthrough.stack.Workspace;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

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
        return run(workspace, steps, out, color, -1, Locale.ROOT);
    }

    /**
     * The same, watched by the learners' console on {@code consolePort} unless it is negative, told
     * in {@code language} (a language without its own words is told in English).
     */
    public static boolean run(
            Workspace workspace,
            List<Integer> steps,
            PrintStream out,
            boolean color,
            int consolePort,
            Locale language) {
        Console console = null;
        Narrator say = new Narrator(out, color, Narrator.narration(language));
        LocalStack stack = new LocalStack(workspace, StackProfile.DEMO);
        Thread stopper = new Thread(stack::close, "dtx-stop");
        Runtime.getRuntime().addShutdownHook(stopper); // Ctrl-C stops the processes too
        try {
            long t0 = System.nanoTime();
            say.say("demo.starting");
            stack.start();
            say.say(
                    "demo.ready",
                    String.format("%.1f", (System.nanoTime() - t0) / 1e9),
                    workspace.payUrl(),
                    stack.pay().pid(),
                    workspace.accountUrl(),
                    stack.account().pid(),
                    stack.broker().pid(),
                    stack.database().pid(),
                    workspace.logDir());
            if (consolePort >= 0) {
                console = Console.start(workspace, stack, consolePort, language);
                say.say("demo.console", console.url());
            }
            return new Story(new Scene(workspace, stack, say)).run(steps);
        } catch (RuntimeException e) {
            say.say("demo.couldNotRun", e.getMessage());
            return false;
        } finally {
            if (console != null) {
                console.close();
            }
            say.say("demo.stopping");
            stack.close();
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
    }
}
