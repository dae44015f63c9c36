package org.failback.domain.dbadmin;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/** A backup file in a {@link SharePath}: a plain file name, so it can never leave the share. */
public record BackupFile(SharePath share, String fileName) {

    private static final Pattern LEGAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]+)*");

    public BackupFile {
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(fileName, "backup file name");
        if (fileName.length() > 128 || !LEGAL.matcher(fileName).matches()) {
            throw new IllegalArgumentException("'" + Names.abbreviate(fileName)
                    + "' is not a valid backup file name: letters, digits, '_', '-' and single dots, at most 128");
        }
    }

    public Path path() {
        return share.path().resolve(fileName);
    }

    @Override
    public String toString() {
        return path().toString();
    }
}
