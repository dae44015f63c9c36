package org.failback.web.api;

import jakarta.ws.rs.core.Response.Status;

/** A refusal with one of the API's fixed error codes; the request changed nothing. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static ApiException notFound(String message) {
        return new ApiException(Status.NOT_FOUND.getStatusCode(), "NOT_FOUND", message);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(Status.BAD_REQUEST.getStatusCode(), "BAD_REQUEST", message);
    }

    public static ApiException illegalState(String message) {
        return new ApiException(Status.CONFLICT.getStatusCode(), "ILLEGAL_STATE", message);
    }

    /** A value the client sent, cut to its first 20 characters for an error message. */
    static String shortened(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
