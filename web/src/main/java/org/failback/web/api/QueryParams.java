package org.failback.web.api;

import jakarta.ws.rs.core.UriInfo;
import java.util.Set;

/**
 * Query parameters arrive as text and are parsed strictly: {@code size=1.5} or {@code page=-1} is a 400, and so is
 * {@code dryRun=ture}, which the framework's own conversion reads as false: a typo would start the real job.
 */
public final class QueryParams {

    private QueryParams() {}

    public static int integer(String text, String name, int min, int max, int defaultValue) {
        if (text == null || text.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below with the same message as an out-of-range value
        }
        throw ApiException.badRequest(name + " must be an integer from " + min + " to " + max + ", not '"
                + ApiException.shortened(text) + "'");
    }

    public static boolean bool(String text, String name, boolean defaultValue) {
        if (text == null) {
            return defaultValue;
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw ApiException.badRequest(name + " must be true or false, not '" + ApiException.shortened(text) + "'");
    }

    /** Refuses query parameters a request does not take, naming the ones it does. */
    public static void allowOnly(UriInfo uri, String... names) {
        Set<String> allowed = Set.of(names);
        for (String given : uri.getQueryParameters().keySet()) {
            if (!allowed.contains(given)) {
                throw ApiException.badRequest("unknown query parameter '" + ApiException.shortened(given)
                        + "'; allowed: " + String.join(", ", names));
            }
        }
    }
}
