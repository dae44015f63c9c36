package org.failback.domain.chat;

import java.util.Objects;
import java.util.regex.Pattern;

/** The name of a chat room as it appears in URLs and in mgc: lower-case letters, digits and '-', at most 64. */
public record RoomName(String value) {

    private static final Pattern LEGAL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    public RoomName {
        Objects.requireNonNull(value, "room name");
        if (!LEGAL.matcher(value).matches()) {
            String shown = value.replaceAll("\\p{Cntrl}", "?");
            throw new IllegalArgumentException("'" + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown)
                    + "' is not a valid room name: 1-64 lower-case letters, digits and '-' (not first or last)");
        }
    }

    public static RoomName of(String value) {
        return new RoomName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
