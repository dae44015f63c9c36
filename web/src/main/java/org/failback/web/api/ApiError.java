package org.failback.web.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one error shape of the API: {@code {"code": "...", "message": "..."}}. */
public record ApiError(String code, String message) {

    public Response toResponse(int status) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(this)
                .build();
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400, 405, 406, 415 -> "BAD_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 409 -> "ILLEGAL_STATE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
    }
}
