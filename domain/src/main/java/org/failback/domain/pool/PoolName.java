package org.failback.domain.pool;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a Front End pool, site or server as it appears in topology and URLs. Validated once here
 * so a hostile name never travels further (it reaches SQL and file paths downstream).
 */
public record PoolName(String value) {

    private static final Pattern LEGAL =
            Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*");

    public PoolName {
        Objects.requireNonNull(value, "name");
        if (value.length() > 64 || !LEGAL.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + abbreviate(value)
                    + "' is not a valid name: use 1-64 lower-case letters, digits, '-' and '.'");
        }
    }

    public static PoolName of(String value) {
        return new PoolName(value);
    }

    static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    @Override
    public String toString() {
        return value;
    }
}
