package org.failback.web.api;

/**
 * Numeric ids (job executions, conferences, sessions) arrive as path text: anything but a positive number is a 400
 * naming what was expected, not the framework's 404 about a parameter it could not convert.
 */
public final class PathIds {

    private PathIds() {}

    public static long parse(String text, String what) {
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("'" + ApiException.shortened(text) + "' is not a " + what);
    }
}
