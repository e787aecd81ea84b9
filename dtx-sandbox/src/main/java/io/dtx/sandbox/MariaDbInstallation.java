package io.dtx.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian 13's MariaDB unpacked by {@code scripts/mariadb-trixie.sh}: where its files lie and how
 * to run its server with its own loader and libraries.
 *
 * @param root   the unpacked packages (usr/sbin/mariadbd, usr/share/mariadb, ...)
 * @param loader trixie's dynamic loader, which runs the server on this machine's older glibc
 */
record MariaDbInstallation(Path root, Path loader) {

    private static final String SCRIPT = "scripts/mariadb-trixie.sh";

    /** The cached installation, or a new one made by the project's script. */
    static MariaDbInstallation prepare() throws IOException, InterruptedException {
        Path dir = cacheDir();
        Path ready = dir.resolve("ready");
        if (!Files.exists(ready)) {
            Path script = findScript();
            Process run = new ProcessBuilder("bash", script.toString(), dir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .start();
            if (run.waitFor() != 0 || !Files.exists(ready)) {
                throw new IOException(SCRIPT + " failed to prepare MariaDB 11.8 in " + dir);
            }
        }
        Path loader = Path.of(Files.readString(ready, StandardCharsets.UTF_8).trim());
        return new MariaDbInstallation(dir.resolve("root"), loader);
    }

    /** {@code mariadbd} with no option files, its own paths under {@code dir}, and {@code args}. */
    List<String> mariadbd(Path dir, List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                loader.toString(),
                "--library-path",
                loader.getParent().toString(), // trixie's libraries lie beside its loader
                root.resolve("usr/sbin/mariadbd").toString(),
                "--no-defaults",
                "--datadir=" + dir.resolve("data"),
                "--tmpdir=" + dir.resolve("tmp"),
                "--basedir=" + root.resolve("usr"),
                "--plugin-dir=" + root.resolve("usr/lib/mysql/plugin"),
                "--lc-messages-dir=" + root.resolve("usr/share/mariadb")));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=root"); // as root the server aborts unless told so
        }
        command.addAll(args);
        return command;
    }

    private static Path cacheDir() {
        String configured = System.getenv("DTX_MARIADB_TRIXIE_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "dtx", "mariadb-trixie");
    }

    /** The script lies at the repository's top; tests run in a module's folder below it. */
    private static Path findScript() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve(SCRIPT);
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        throw new IOException(SCRIPT + " not found above " + Path.of("").toAbsolutePath());
    }
}
