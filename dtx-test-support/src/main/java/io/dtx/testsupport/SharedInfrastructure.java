package io.dtx.testsupport;

import io.dtx.contract.Messaging;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * One {@link Infrastructure} per test JVM, started on first use and shared by every test class
 * (starting a broker and a database per class would multiply the suite's time).
 *
 * <p>Which one: {@code DTX_TEST_INFRA=docker} forces containers, {@code embedded} forces the
 * sandbox, {@code auto} (the default) takes containers when a Docker engine answers and the
 * sandbox otherwise. Static access exists for Spring's {@code @DynamicPropertySource}, which runs
 * before any JUnit parameter can be resolved.
 */
public final class SharedInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(SharedInfrastructure.class);
    private static Infrastructure instance;

    private SharedInfrastructure() {}

    public static synchronized Infrastructure get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** Whether a Docker engine answers; false, never an exception, where there is none. */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * Whether {@code docker compose} can run here: an engine answers and the Compose CLI plugin is
     * installed (Testcontainers' ComposeContainer calls {@code docker compose} from the PATH).
     */
    public static boolean composeAvailable() {
        if (!dockerAvailable()) {
            return false;
        }
        try {
            Process version = new ProcessBuilder("docker", "compose", "version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            boolean finished = version.waitFor(30, TimeUnit.SECONDS);
            if (!finished) {
                version.destroyForcibly();
            }
            return finished && version.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Infrastructure start() {
        String choice = System.getenv().getOrDefault("DTX_TEST_INFRA", "auto").toLowerCase(Locale.ROOT);
        boolean docker = switch (choice) {
            case "docker" -> true;
            case "embedded" -> false;
            case "auto" -> dockerAvailable();
            default ->
                throw new IllegalArgumentException("DTX_TEST_INFRA must be auto, docker or embedded, not " + choice);
        };
        log.info(
                "Test infrastructure: {} (DTX_TEST_INFRA={}{})",
                docker ? "Docker containers" : "embedded sandbox",
                choice,
                "auto".equals(choice) ? (docker ? ", a Docker engine answered" : ", no Docker engine found") : "");
        long t0 = System.nanoTime();
        ManagedInfrastructure infra = docker ? new ContainerInfrastructure() : new EmbeddedInfrastructure(workDir());
        infra.declare(Messaging.TOPICS, Messaging.CONSUMER_GROUPS);
        log.info(
                "Test infrastructure ({}) ready in {} ms: namesrv {}, database {}",
                infra.kind(),
                (System.nanoTime() - t0) / 1_000_000,
                infra.namesrvAddr(),
                infra.mysql().baseUrl());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(infra), "dtx-infrastructure-stop"));
        return infra;
    }

    private static void stop(ManagedInfrastructure infra) {
        long t0 = System.nanoTime();
        try {
            infra.close();
            log.info("Test infrastructure stopped in {} ms", (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Test infrastructure did not stop cleanly", e);
        }
    }

    /** Under the test JVM's temp dir, which the build points into target/. */
    private static Path workDir() {
        return Path.of(
                System.getProperty("java.io.tmpdir"),
                "dtx-sandbox-" + ProcessHandle.current().pid());
    }
}
