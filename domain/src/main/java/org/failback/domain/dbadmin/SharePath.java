package org.failback.domain.dbadmin;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A folder that database servers read and write backups in (the log-shipping share, the LIS backup folder), always
 * under an allowed root. Its text reaches SQL only as a parameter, yet quotes, semicolons, control characters and
 * {@code ..} are refused anyway: a path that needs them is a mistake or an attack.
 */
public final class SharePath {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final Path root;
    private final Path path;

    private SharePath(Path root, Path path) {
        this.root = root;
        this.path = path;
    }

    /** The allowed root itself, e.g. the data directory's {@code backups} folder. */
    public static SharePath root(Path allowedRoot) {
        Path root = checkedRoot(allowedRoot);
        return new SharePath(root, root);
    }

    /** A folder below {@code allowedRoot}: {@code relative} is '/'-separated plain segments. */
    public static SharePath under(Path allowedRoot, String relative) {
        Path root = checkedRoot(allowedRoot);
        Objects.requireNonNull(relative, "share path");
        Path path = root;
        for (String segment : relative.split("/", -1)) {
            path = path.resolve(segment(segment, relative));
        }
        return new SharePath(root, path.normalize());
    }

    /** A sub-folder of this share. */
    public SharePath resolve(String segment) {
        return new SharePath(root, path.resolve(segment(segment, segment)));
    }

    public BackupFile file(String fileName) {
        return new BackupFile(this, fileName);
    }

    public Path path() {
        return path;
    }

    public Path allowedRoot() {
        return root;
    }

    private static String segment(String segment, String whole) {
        if (segment.equals("..") || !SEGMENT.matcher(segment).matches() || segment.contains("..")) {
            throw new IllegalArgumentException("'" + Names.abbreviate(whole)
                    + "' is not a valid share path: use segments of letters, digits, '.', '_' and '-' (no '..')");
        }
        return segment;
    }

    private static Path checkedRoot(Path allowedRoot) {
        Objects.requireNonNull(allowedRoot, "allowed root");
        String text = allowedRoot.toString();
        if (!allowedRoot.isAbsolute() || text.contains("..") || text.matches(".*['\";\\p{Cntrl}].*")) {
            throw new IllegalArgumentException("'" + Names.abbreviate(text)
                    + "' is not a valid share root: an absolute path without quotes, ';' or '..'");
        }
        return allowedRoot.normalize();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SharePath s && s.path.equals(path) && s.root.equals(root);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
