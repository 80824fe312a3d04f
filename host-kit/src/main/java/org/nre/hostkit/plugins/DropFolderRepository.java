package org.nre.hostkit.plugins;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.pf4j.BasePluginRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drop folder in deployment mode. Each zip is checked, hashed and (when the operator requires it) matched
 * against the pinned checksums or its signature before it is expanded beside itself; a zip that fails is
 * reported, and neither it nor any folder of its name is loaded. A folder the console expanded from a zip is
 * loaded only with that zip beside it; other folders are loaded as they are, unless zips must be verified.
 */
final class DropFolderRepository extends BasePluginRepository {

    private static final Logger LOG = LoggerFactory.getLogger(DropFolderRepository.class);

    /** The zip a loaded folder was expanded from. */
    record Archive(String fileName, String sha256) {
    }

    private final Path root;
    private final BiConsumer<String, String> problems;
    private final Supplier<PluginTrust> trust;
    private final Map<Path, Archive> archives = new ConcurrentHashMap<>();

    DropFolderRepository(Path root, BiConsumer<String, String> problems, Supplier<PluginTrust> trust) {
        super(root);
        this.root = root;
        this.problems = problems;
        this.trust = trust;
    }

    /** The zip a plugin folder was expanded from, or empty for a folder dropped as it is. */
    Optional<Archive> archive(Path pluginPath) {
        return Optional.ofNullable(archives.get(pluginPath));
    }

    @Override
    public List<Path> getPluginPaths() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> zips = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        try {
            PluginArchive.removeUnfinished(root);
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    if (name.startsWith(".")) {
                        continue;
                    }
                    if (Files.isRegularFile(entry) && name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                        zips.add(entry);
                    } else if (Files.isDirectory(entry)) {
                        folders.add(entry);
                    }
                }
            }
        } catch (IOException e) {
            problems.accept(root.toString(), "Cannot list the plugins folder " + root + ": " + e.getMessage());
            return List.of();
        }

        PluginTrust required = trust.get();
        List<Path> paths = new ArrayList<>();
        List<Path> fromZips = new ArrayList<>();
        for (Path zip : zips) {
            String name = zip.getFileName().toString();
            fromZips.add(zip.resolveSibling(name.substring(0, name.length() - ".zip".length())));
            Optional<String> problem = ZipCheck.problem(zip);
            if (problem.isPresent()) {
                refuse(name, problem.get());
                continue;
            }
            try {
                String sha256 = PluginArchive.sha256(zip);
                Optional<String> untrusted = required.problem(zip, sha256);
                if (untrusted.isPresent()) {
                    refuse(name, untrusted.get());
                    continue;
                }
                Path expanded = PluginArchive.expand(zip, sha256, ZipCheck.MAX_EXPANDED_BYTES);
                archives.put(expanded, new Archive(name, sha256));
                paths.add(expanded);
            } catch (PluginArchive.Refused e) {
                refuse(name, e.getMessage());
            } catch (IOException | RuntimeException e) {
                refuse(name, "Refused " + name + ": it could not be expanded (" + e.getMessage() + "). Nothing of it "
                        + "was kept; check the free space and permissions of " + root + ".");
            }
        }
        for (Path folder : folders) {
            if (fromZips.contains(folder)) {
                continue;
            }
            if (Files.exists(folder.resolve(PluginArchive.EXPANDED_FROM))) {
                LOG.info("Left out {}: the zip it was expanded from is no longer in the plugins folder", folder);
                continue;
            }
            if (required.required()) {
                refuse(folder.getFileName().toString(), "Refused the folder " + folder.getFileName() + ": plugins "
                        + "must be verified zips here (" + required.describe() + "), and a folder cannot be verified. "
                        + "Put the plugin's zip in the plugins folder instead.");
                continue;
            }
            paths.add(folder);
        }
        paths.sort(null);
        return paths;
    }

    private void refuse(String key, String message) {
        LOG.error(message);
        problems.accept(key, message);
    }

    @Override
    public boolean deletePluginPath(Path pluginPath) {
        // Plugins are removed by taking them out of the drop folder, not by the console.
        return false;
    }
}
