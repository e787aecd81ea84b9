package io.dtx.walkthrough;

import io.dtx.walkthrough.stack.Workspace;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for a local stack in a test: the pay service's port, and every port derived from it (the
 * second instances +2, the notifier +3, the relay +4, the benchmark's binlog pay service +5, each
 * management port +10) and from the account service's (20 above), all free when chosen. Taken
 * below the ephemeral range, where outgoing connections do not take ports at random meanwhile.
 * Tests run two at a time (failsafe's forks, {@code dtx.fork} 1 and 2) take theirs from separate
 * halves of that range, so two stacks never pick the same block.
 */
public final class FreePorts {

    private static final int BLOCK = 40;
    private static final int LOWEST = 20_000;
    private static final int RANGE = 12_000;

    private FreePorts() {}

    /** A workspace whose pay service listens at a free block's start, the account service 20 above. */
    public static Workspace workspace(Path root, Path stateDir) {
        int base = freeBlock();
        return new Workspace(root, stateDir, base, base + 20);
    }

    private static int freeBlock() {
        String fork = System.getProperty("dtx.fork", "");
        // Anything but a fork's number (unset, or a placeholder an IDE did not fill in): the whole range.
        boolean forked = fork.matches("[0-9]+");
        int from = forked ? LOWEST + (Integer.parseInt(fork) - 1) % 2 * RANGE / 2 : LOWEST;
        int to = forked ? from + RANGE / 2 : LOWEST + RANGE;
        for (int attempt = 0; attempt < 500; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(from, to - BLOCK);
            if (allFree(base)) {
                return base;
            }
        }
        throw new IllegalStateException("No block of " + BLOCK + " free ports found between " + from + " and " + to);
    }

    private static boolean allFree(int base) {
        for (int port = base; port < base + BLOCK; port++) {
            try (ServerSocket ignored = new ServerSocket(port)) {
                // free
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
