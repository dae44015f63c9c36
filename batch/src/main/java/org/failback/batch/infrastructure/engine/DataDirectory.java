package org.failback.batch.infrastructure.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the product keeps its files (H2 databases, backups, the log-shipping share, credentials):
 * the system property {@code failback.data} (set by run.sh), else {@code FAILBACK_DATA}, else ~/.pool-failback.
 */
public final class DataDirectory {

    private DataDirectory() {}

    public static Path root() {
        String configured = System.getProperty("failback.data");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("FAILBACK_DATA");
        }
        Path root = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".pool-failback")
                : Path.of(configured);
        return root.toAbsolutePath().normalize();
    }

    /**
     * A path under the data directory as the API and the job log show it: relative to the data directory, because
     * answers never name absolute paths (they tell an attacker where the server keeps its files).
     */
    public static String relative(Path path) {
        Path root = root();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(root)
                ? root.relativize(absolute).toString()
                : absolute.getFileName().toString();
    }

    /** A text with every mention of the data directory written as {@code $FAILBACK_DATA}. */
    public static String withoutRoot(String text) {
        return text.replace(root().toString(), "$FAILBACK_DATA");
    }

    public static Path resolve(String first, String... more) {
        return root().resolve(Path.of(first, more));
    }

    public static Path ensureDirectory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
