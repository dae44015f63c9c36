package org.failback.batch.infrastructure.dbadmin;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * Rights of this process on a folder, found by trying (listing it, writing a probe file) rather than by reading
 * permission bits, which say nothing about ACLs, read-only mounts or a root account.
 */
public final class FileAccess {

    private FileAccess() {}

    /** Empty when the folder can be listed, else why not. */
    public static Optional<String> readable(Path folder) {
        if (!Files.exists(folder)) {
            return Optional.of("does not exist");
        }
        if (!Files.isDirectory(folder)) {
            return Optional.of("is not a folder");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            entries.iterator().hasNext();
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.of("cannot be listed: " + e.getMessage());
        }
    }

    /** Empty when a file can be created in the folder (created when missing), else why not. */
    public static Optional<String> writable(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException | SecurityException e) {
            return Optional.of("cannot be created: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        Path probe = folder.resolve(".access-probe-" + UUID.randomUUID());
        try {
            Files.writeString(probe, "probe");
            Files.delete(probe);
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.of("no file can be written there: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }
}
