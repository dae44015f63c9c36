package org.failback.domain.dbadmin;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a managed database ({@code mgc}, {@code mgccomp}, {@code lis_fe_dc1}). Validated once here: adapters
 * put it into SQL text as a quoted identifier, so anything but a plain identifier is refused before any SQL runs.
 */
public record DatabaseName(String value) {

    private static final Pattern LEGAL = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    public DatabaseName {
        Objects.requireNonNull(value, "database name");
        if (!LEGAL.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + Names.abbreviate(value)
                    + "' is not a valid database name: use a letter then up to 63 letters, digits or '_'");
        }
    }

    public static DatabaseName of(String value) {
        return new DatabaseName(value);
    }

    /** The SQL Server form {@code [name]}; safe because the name can hold no bracket. */
    public String bracketed() {
        return "[" + value + "]";
    }

    /** The standard SQL form {@code "name"}; safe because the name can hold no quote. */
    public String quoted() {
        return "\"" + value + "\"";
    }

    @Override
    public String toString() {
        return value;
    }
}
