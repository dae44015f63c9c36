package org.failback.web.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;

/**
 * The one error shape of the API: {@code {"code": "...", "message": "..."}}, and for a failure of the server the
 * {@code correlationId} under which the server log holds what happened. Messages are scrubbed of what only helps an
 * attacker: class names, URLs, framework message ids and absolute paths.
 */
public record ApiError(String code, String message, String correlationId) {

    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:org|java|javax|jakarta|com|io|sun|jdk)\\.(?:[A-Za-z_$][\\w$]*\\.)+[A-Za-z_$][\\w$]*");
    private static final Pattern URL = Pattern.compile("\\b[a-zA-Z][a-zA-Z+.-]*://\\S*");
    private static final Pattern MESSAGE_ID =
            Pattern.compile("\\b(?:RESTEASY|WFLY[A-Z]*|UT|JBERET|ISPN|HHH)\\d{3,}:?\\s*");
    private static final Pattern ABSOLUTE_PATH = Pattern.compile("(?<![\\w.:/-])/(?!api/)(?:[\\w.@+-]+/)+[\\w.@+-]*");

    public ApiError(String code, String message) {
        this(code, scrub(message), null);
    }

    public Response toResponse(int status) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(this)
                .build();
    }

    static String scrub(String message) {
        if (message == null) {
            return null;
        }
        String scrubbed = MESSAGE_ID.matcher(message).replaceAll("");
        scrubbed = URL.matcher(scrubbed).replaceAll("(address)");
        scrubbed = CLASS_NAME.matcher(scrubbed).replaceAll("(internal)");
        return ABSOLUTE_PATH.matcher(scrubbed).replaceAll("(path)");
    }

    static String codeFor(int status) {
        return switch (status) {
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 409 -> "ILLEGAL_STATE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 429 -> "TOO_MANY_REQUESTS";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
    }

    /** What a refusal by the framework says, in the API's words rather than the framework's. */
    static String messageFor(int status) {
        return switch (status) {
            case 401 -> "credentials required";
            case 403 -> "your role may not do this";
            case 404 -> "no such resource";
            case 405 -> "method not allowed here";
            case 406 -> "this resource answers application/json only";
            case 413 -> "request body too large";
            case 415 -> "request bodies must be application/json";
            default -> "bad request";
        };
    }
}
