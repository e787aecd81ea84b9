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
 */
public final class FreePorts {

    private static final int BLOCK = 40;

    private FreePorts() {}

    /** A workspace whose pay service listens at a free block's start, the account service 20 above. */
    public static Workspace workspace(Path root, Path stateDir) {
        int base = freeBlock();
        return new Workspace(root, stateDir, base, base + 20);
    }

    private static int freeBlock() {
        for (int attempt = 0; attempt < 500; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 32_000 - BLOCK);
            if (allFree(base)) {
                return base;
            }
        }
        throw new IllegalStateException("No block of " + BLOCK + " free ports found between 20000 and 32000");
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
