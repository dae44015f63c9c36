package org.failback.domain.dbadmin;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a SQL instance in the topology ({@code sql-dc1}). It names a folder under the data directory and is
 * shown in the command log, so it is validated once here: a lower-case letter, then lower-case letters, digits and '-'.
 */
public record InstanceName(String value) {

    private static final Pattern LEGAL = Pattern.compile("[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?");

    public InstanceName {
        Objects.requireNonNull(value, "instance name");
        if (!LEGAL.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "'" + Names.abbreviate(value)
                            + "' is not a valid SQL instance name: a lower-case letter, then letters, digits and '-' (not last), at most 63");
        }
    }

    public static InstanceName of(String value) {
        return new InstanceName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
