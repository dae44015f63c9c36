package org.failback.web.api;

/** Query parameters arrive as text and are parsed strictly: {@code size=1.5} or {@code page=-1} is a 400. */
public final class QueryParams {

    private QueryParams() {
    }

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
                + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "'");
    }
}
