package org.failback.domain.chat;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a Persistent Chat pool ({@code pchat}). It prefixes the names of the SQL instances a new pool gets, so
 * it follows their rule: a lower-case letter, then lower-case letters, digits and '-' (not last), at most 40.
 */
public record ChatPoolName(String value) {

    private static final Pattern LEGAL = Pattern.compile("[a-z](?:[a-z0-9-]{0,38}[a-z0-9])?");

    public ChatPoolName {
        Objects.requireNonNull(value, "chat pool name");
        if (!LEGAL.matcher(value).matches()) {
            String shown = value.replaceAll("\\p{Cntrl}", "?");
            throw new IllegalArgumentException("'" + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown)
                    + "' is not a valid chat pool name: a lower-case letter, then letters, digits and '-', at most 40");
        }
    }

    public static ChatPoolName of(String value) {
        return new ChatPoolName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
