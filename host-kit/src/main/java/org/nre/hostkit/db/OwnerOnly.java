package org.nre.hostkit.db;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.nre.hostkit.HostKitException;

/**
 * The console's data folder and the embedded database's files are the console's user's alone: the folder
 * {@code rwx------}, the files {@code rw-------}, on file systems that have POSIX permissions. The database holds
 * password hashes, sessions and the audit log.
 */
public final class OwnerOnly {

    private OwnerOnly() {
    }

    /** Makes the data folder, creating it, the owner's only. */
    public static void folder(Path dataDir) {
        if (!posix()) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new HostKitException("The data folder " + dataDir + " cannot be made readable by the console's "
                    + "user only: " + e.getMessage() + ". Check that the console's user owns it.", e);
        }
    }

    /** Makes the files of an H2 file database ({@code jdbc:h2:file:<base>}, its {@code <base>.*}) the owner's only. */
    public static void databaseFiles(String url) {
        String prefix = "jdbc:h2:file:";
        if (!posix() || !url.startsWith(prefix)) {
            return;
        }
        Path base = Path.of(url.substring(prefix.length()).split(";", 2)[0]).toAbsolutePath();
        Path folder = base.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, base.getFileName() + ".*")) {
            for (Path file : files) {
                if (Files.isRegularFile(file)) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
            }
        } catch (IOException e) {
            throw new HostKitException("The database files " + base + ".* cannot be made readable by the console's "
                    + "user only: " + e.getMessage() + ". Check that the console's user owns them.", e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
