package org.nre.sample.plugins;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.pf4j.BasePluginRepository;
import org.pf4j.util.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drop folder in deployment mode: each zip is checked before PF4J expands it next to itself, a zip
 * that fails the check is reported and neither it nor an older expanded copy of it is loaded, and plain
 * plugin folders are loaded as they are.
 */
final class DropFolderRepository extends BasePluginRepository {

    private static final Logger LOG = LoggerFactory.getLogger(DropFolderRepository.class);

    private final Path root;
    private final BiConsumer<String, String> problems;

    DropFolderRepository(Path root, BiConsumer<String, String> problems) {
        super(root);
        this.root = root;
        this.problems = problems;
    }

    @Override
    public List<Path> getPluginPaths() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> zips = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
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
        } catch (IOException e) {
            problems.accept(root.toString(), "Cannot list the plugins folder " + root + ": " + e.getMessage());
            return List.of();
        }

        Set<Path> skip = new HashSet<>();
        List<Path> paths = new ArrayList<>();
        for (Path zip : zips) {
            Path expanded = zip.resolveSibling(stripZip(zip.getFileName().toString()));
            Optional<String> problem = ZipCheck.problem(zip);
            if (problem.isPresent()) {
                LOG.error(problem.get());
                problems.accept(zip.getFileName().toString(), problem.get());
                skip.add(expanded);
                continue;
            }
            try {
                paths.add(FileUtils.expandIfZip(zip));
                skip.add(expanded);
            } catch (IOException | RuntimeException e) {
                String message = "Refused " + zip.getFileName() + ": it could not be expanded (" + e.getMessage() + ")";
                LOG.error(message);
                problems.accept(zip.getFileName().toString(), message);
                skip.add(expanded);
            }
        }
        for (Path folder : folders) {
            if (!skip.contains(folder)) {
                paths.add(folder);
            }
        }
        paths.sort(null);
        return paths;
    }

    @Override
    public boolean deletePluginPath(Path pluginPath) {
        // Plugins are removed by taking them out of the drop folder, not by the console.
        return false;
    }

    private static String stripZip(String name) {
        return name.substring(0, name.length() - ".zip".length());
    }
}
