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
