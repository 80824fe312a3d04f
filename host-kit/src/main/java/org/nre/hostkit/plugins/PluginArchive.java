package org.nre.hostkit.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A plugin zip in the drop folder and the folder it is expanded into beside it. The zip is expanded into a
 * hidden folder first, counting the bytes as they are written (a zip's declared sizes can lie), and only a
 * complete expansion is moved into place, with a note of the zip's SHA-256: a folder without that note, or
 * with another zip's, is never loaded, and is expanded again.
 */
final class PluginArchive {

    /** Written last into an expanded folder: the SHA-256 of the zip it came from. */
    static final String EXPANDED_FROM = ".nre-expanded-from";

    /** A zip that could not be expanded; nothing of it was left in the drop folder. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private PluginArchive() {
    }

    /** The zip's SHA-256, in lower-case hex. */
    static String sha256(Path zip) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(zip), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The folder the zip is expanded into, expanding it unless it already holds this very zip.
     *
     * @param sha256 the zip's SHA-256
     * @param maxBytes the most the zip may expand to, counted as written
     * @throws Refused when the zip expands beyond the bound or cannot be expanded; the drop folder then holds
     *     no folder for it
     */
    static Path expand(Path zip, String sha256, long maxBytes) throws Refused, IOException {
        String name = zip.getFileName().toString();
        Path target = zip.resolveSibling(name.substring(0, name.length() - ".zip".length()));
        if (expandedFrom(target, sha256)) {
            return target;
        }
        Path staging = zip.resolveSibling("." + target.getFileName() + ".expanding-" + UUID.randomUUID());
        try {
            Files.createDirectory(staging);
            writeEntries(zip, staging, maxBytes);
            Files.writeString(staging.resolve(EXPANDED_FROM), sha256);
            deleteTree(target);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target);
            }
            return target;
        } catch (Refused | IOException | RuntimeException e) {
            deleteTree(staging);
            // An older expansion of another zip by this name must not be loaded in its place either.
            deleteTree(target);
            throw e;
        }
    }

    /** Removes what an expansion interrupted (by a crash, say) left behind in the drop folder. */
    static void removeUnfinished(Path dropFolder) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dropFolder, ".*.expanding-*")) {
            for (Path entry : entries) {
                deleteTree(entry);
            }
        }
    }

    /** Whether a folder holds a complete expansion of the zip with this SHA-256. */
    static boolean expandedFrom(Path folder, String sha256) throws IOException {
        Path note = folder.resolve(EXPANDED_FROM);
        return Files.isRegularFile(note) && Files.readString(note).strip().equals(sha256);
    }

    private static void writeEntries(Path zip, Path into, long maxBytes) throws Refused, IOException {
        long written = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path out = into.resolve(entry.getName()).normalize();
                if (!out.startsWith(into) || ZipCheck.unsafe(entry.getName())) {
                    throw new Refused("Refused " + zip.getFileName() + ": entry '" + entry.getName() + "' would be "
                            + "written outside the plugin's folder (path traversal)");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry); OutputStream target = Files.newOutputStream(out)) {
                    for (int read; (read = in.read(buffer)) != -1; ) {
                        written += read;
                        if (written > maxBytes) {
                            throw new Refused("Refused " + zip.getFileName() + ": it expands to more than "
                                    + maxBytes / 1024 / 1024 + " MB (counted as it was expanded; its entries declare "
                                    + "less). Nothing of it was kept; ask its provider for a sound build.");
                        }
                        target.write(buffer, 0, read);
                    }
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException("SHA-256 is missing from this Java runtime", e));
        }
    }
}
