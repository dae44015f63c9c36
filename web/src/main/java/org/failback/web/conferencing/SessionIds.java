package org.failback.web.conferencing;

import org.failback.web.api.ApiException;

/** Conference and session ids arrive as path text; anything but a positive number is a 400, not a 404. */
final class SessionIds {

    private SessionIds() {
    }

    static long parse(String text) {
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("'" + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "' is not a session id");
    }
}
