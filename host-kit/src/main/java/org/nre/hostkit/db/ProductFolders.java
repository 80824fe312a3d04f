package org.nre.hostkit.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.nre.hostapi.storage.DatabaseProduct;

/**
 * The migration files of one location as they run on one product. Flyway scans a location with its subfolders, so
 * it would find every product's files; this keeps the portable files (directly in the location, or in a subfolder
 * that names no product) and the current product's folder, where a file takes the place of the portable file of
 * the same name. H2 runs in MariaDB mode: its own folder first, then MariaDB's.
 */
final class ProductFolders implements ResourceProvider {

    private final ResourceProvider scanned;
    private final List<String> folders;

    ProductFolders(ResourceProvider scanned, DatabaseProduct product) {
        this.scanned = scanned;
        this.folders = folders(product);
    }

    /** The product's folders, the one that wins first. */
    private static List<String> folders(DatabaseProduct product) {
        return product == DatabaseProduct.H2 ? List.of(DatabaseProduct.H2.folder(), DatabaseProduct.MARIADB.folder())
                : List.of(product.folder());
    }

    @Override
    public LoadableResource getResource(String name) {
        LoadableResource resource = scanned.getResource(name);
        return resource == null || rank(resource.getRelativePath()) < 0 ? null : resource;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        Map<String, LoadableResource> chosen = new LinkedHashMap<>();
        Map<String, Integer> ranks = new LinkedHashMap<>();
        for (LoadableResource resource : scanned.getResources(prefix, suffixes)) {
            String path = resource.getRelativePath().replace('\\', '/');
            int rank = rank(path);
            if (rank < 0) {
                continue;
            }
            String name = rank == folders.size() ? path : path.substring(path.indexOf('/') + 1);
            Integer best = ranks.get(name);
            if (best == null || rank < best) {
                ranks.put(name, rank);
                chosen.put(name, resource);
            }
        }
        return new ArrayList<>(chosen.values());
    }

    /**
     * Which file wins for a name: 0 for the product's first folder, then its fallbacks, then the portable file;
     * -1 for another product's folder.
     */
    private int rank(String relativePath) {
        String path = relativePath.replace('\\', '/');
        int slash = path.indexOf('/');
        String first = slash < 0 ? "" : path.substring(0, slash);
        int index = folders.indexOf(first);
        if (index >= 0) {
            return index;
        }
        for (DatabaseProduct product : DatabaseProduct.values()) {
            if (product.folder().equals(first)) {
                return -1;
            }
        }
        return folders.size();
    }
}
