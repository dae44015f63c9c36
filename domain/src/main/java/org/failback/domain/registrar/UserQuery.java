package org.failback.domain.registrar;

import java.util.Locale;

/**
 * One page of a pool's users, sorted by SIP URI: optionally only one failback status, optionally only SIP URIs
 * starting with a prefix, optionally only after a SIP URI (keyset paging: the last SIP of the previous page).
 *
 * @param status null for every status
 * @param sipPrefix null for every user; a prefix without the {@code sip:} scheme gets it added
 * @param after null to start from the first user
 */
public record UserQuery(FailbackStatus status, String sipPrefix, SipUri after, int page, int size) {

    public static final int MAX_SIZE = 500;
    public static final int DEFAULT_SIZE = 50;
    /** Deep offsets are what {@code after} is for; this bound keeps {@code page * size} far from overflow. */
    public static final int MAX_PAGE = 1_000_000;

    public UserQuery {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be an integer from 1 to " + MAX_SIZE);
        }
        if (page < 0 || page > MAX_PAGE) {
            throw new IllegalArgumentException("page must be an integer from 0 to " + MAX_PAGE);
        }
        if (sipPrefix != null) {
            if (!SipUri.isLegalPrefix(sipPrefix)) {
                throw new IllegalArgumentException(
                        "q must be the start of a SIP URI (letters, digits, ':', '@', '.', '_', '+', '-')");
            }
            sipPrefix = withScheme(sipPrefix.toLowerCase(Locale.ROOT));
            if (sipPrefix.isEmpty()) {
                sipPrefix = null;
            }
        }
    }

    /** Operators type {@code user0001}; URIs are stored as {@code sip:user0001…}. */
    private static String withScheme(String prefix) {
        return prefix.startsWith("sip:") || "sip:".startsWith(prefix) ? prefix : "sip:" + prefix;
    }

    /** The prefix as a LIKE pattern with '!' as escape character: '_' is legal in a SIP URI but a LIKE wildcard. */
    String likePattern() {
        return sipPrefix.replace("!", "!!").replace("_", "!_").replace("%", "!%") + "%";
    }

    int offset() {
        return page * size;
    }
}
