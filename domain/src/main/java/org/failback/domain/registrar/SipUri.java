package org.failback.domain.registrar;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** A user's SIP URI ({@code sip:user00001@fe-dc1.example.com}), validated and lower-cased once. */
public record SipUri(String value) implements Comparable<SipUri> {

    private static final Pattern LEGAL = Pattern.compile(
            "sip:[a-z0-9](?:[a-z0-9._+-]{0,62})@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");

    public SipUri {
        Objects.requireNonNull(value, "sip");
        value = value.toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !LEGAL.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + (value.length() > 60 ? value.substring(0, 60) + "…" : value)
                    + "' is not a SIP URI like sip:user00001@fe-dc1.example.com");
        }
    }

    public static SipUri of(String value) {
        return new SipUri(value);
    }

    /** Whether text could start a SIP URI: used to validate search prefixes, which need not be whole URIs. */
    public static boolean isLegalPrefix(String prefix) {
        return prefix != null
                && prefix.length() <= 254
                && prefix.toLowerCase(Locale.ROOT).matches("[a-z0-9:@._+-]*");
    }

    @Override
    public int compareTo(SipUri other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
