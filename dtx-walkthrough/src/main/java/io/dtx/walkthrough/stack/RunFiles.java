package io.dtx.walkthrough.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

/** The files of a run under {@code .dtx/run/}: secrets, and the env files the sandbox parts write. */
public final class RunFiles {

    private RunFiles() {}

    static String newServiceToken() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** A Standard Webhooks secret: {@code whsec_} and standard base64 of 32 random bytes. */
    static String newCallbackSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return "whsec_" + Base64.getEncoder().encodeToString(secret);
    }

    /** Readable by its owner only (secrets, and what carries one); replaces the file if it was there. */
    public static void writeOwnerOnly(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a sandbox part to write its env file (it does so once it is ready) and reads it. */
    static Properties awaitEnvFile(JavaProcess part, Path envFile, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(envFile)) {
            if (!part.alive()) {
                throw new IllegalStateException(
                        "The " + part.name() + " exited during start-up; see " + part.log() + "\n" + part.tail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "The " + part.name() + " did not start in " + timeout + "; see " + part.log());
            }
            pause(100);
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(envFile)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits (up to {@code timeout}) until nothing holds these loopback ports. The stack's ports lie
     * inside Linux's ephemeral range (32768-60999), so after thousands of short connections one of
     * them can be the local end of an outgoing connection for a moment: a process started then
     * fails with "Port already in use". Returns whether they were free.
     */
    static boolean awaitPortsFree(Duration timeout, int... ports) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!free(ports)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            pause(200);
        }
        return true;
    }

    private static boolean free(int... ports) {
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true); // as the services' servers bind: TIME_WAIT does not count
                socket.bind(new InetSocketAddress("0.0.0.0", port));
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }

    /** Runs {@code cleanup} after {@code failure}; a failure of its own goes with the first, not over it. */
    static void runAfter(RuntimeException failure, Runnable cleanup) {
        try {
            cleanup.run();
        } catch (RuntimeException second) {
            failure.addSuppressed(second);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
