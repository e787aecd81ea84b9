package io.dtx.sandbox;

import io.dtx.contract.Messaging;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The sandbox as a process of its own, used by {@code ./dtx}: starts the broker and the
 * database, creates the topics, writes their addresses to an env file, and runs until it is
 * terminated (SIGTERM or Ctrl-C), when it stops both.
 *
 * <pre>java -jar dtx-sandbox-exec.jar WORK_DIR ENV_FILE</pre>
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: SandboxMain WORK_DIR ENV_FILE");
            System.exit(2);
        }
        Path workDir = Path.of(args[0]).toAbsolutePath();
        Path envFile = Path.of(args[1]).toAbsolutePath();
        Files.deleteIfExists(envFile);
        Sandbox sandbox = Sandbox.start(SandboxConfig.fromEnvironment(workDir));
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "sandbox-stop"));
        sandbox.declare(Messaging.TOPICS, Messaging.CONSUMER_GROUPS);
        writeAtomically(envFile, """
                DTX_NAMESRV_ADDR=%s
                DTX_MYSQL_URL=%s
                DTX_MYSQL_USER=%s
                DTX_MYSQL_PASSWORD=%s
                DTX_JDBC_URL_BANK1=%s
                DTX_JDBC_URL_BANK1_PAY=%s
                DTX_SANDBOX_PID=%d
                """.formatted(sandbox.namesrvAddr(), sandbox.mysql().baseUrl(), sandbox.mysql().user(),
                sandbox.mysql().password(), sandbox.mysql().jdbcUrl("bank1"), sandbox.mysql().jdbcUrl("bank1_pay"),
                ProcessHandle.current().pid()));
        // The broker keeps a non-daemon thread; the JVM ends when it is signalled, after the hook.
        Thread.currentThread().join();
    }

    /** Readers poll for this file: it must never be seen half written. */
    private static void writeAtomically(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
