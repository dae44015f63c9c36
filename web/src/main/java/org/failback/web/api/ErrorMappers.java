package org.failback.web.api;

import jakarta.batch.operations.BatchRuntimeException;
import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionIsRunningException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobRestartException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.failback.batch.application.jobs.ExecutionNotFoundException;
import org.failback.batch.application.pool.AlreadyExistsException;
import org.failback.batch.infrastructure.jobs.JobRunningException;
import org.failback.domain.chat.ChatNotFoundException;
import org.failback.domain.chat.ChatRefusedException;
import org.failback.domain.client.ClientRefusedException;
import org.failback.domain.conferencing.RejoinNotAllowedException;
import org.failback.domain.conferencing.SessionNotFoundException;
import org.failback.domain.pool.IllegalTransitionException;
import org.failback.domain.pool.PoolNotFoundException;
import org.failback.domain.pool.SiteNotFoundException;
import org.failback.domain.registrar.UserNotFoundException;

/** Turns every failure into the API's {@code {code, message}} with the status the API contract fixes. */
public final class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());

    private ErrorMappers() {}

    /** The error a refusal answers with, for answers that list several refusals (a site plan's pools). */
    public static ApiError error(Throwable refusal) {
        return (ApiError) map(refusal).getEntity();
    }

    /** Unwraps what CDI interceptors and transactions wrap around the exceptions the domain throws. */
    static Response map(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && !isOurs(cause)) {
            cause = cause.getCause();
        }
        if (cause instanceof ApiException api) {
            return new ApiError(api.code(), api.getMessage()).toResponse(api.status());
        }
        if (cause instanceof BodyTooLargeException tooLarge) {
            return map(tooLarge.refusal());
        }
        if (cause instanceof ClientRefusedException refused) {
            return new ApiError(refused.refusal().code(), refused.getMessage())
                    .toResponse(refused.refusal().httpStatus());
        }
        if (cause instanceof ChatRefusedException refused) {
            boolean unavailable = refused.refusal() == ChatRefusedException.Refusal.CHAT_UNAVAILABLE;
            return new ApiError(refused.refusal().name(), refused.getMessage()).toResponse(unavailable ? 503 : 409);
        }
        if (isNotFound(cause)) {
            return new ApiError("NOT_FOUND", cause.getMessage()).toResponse(404);
        }
        if (cause instanceof JsonException) {
            return new ApiError("BAD_REQUEST", "malformed JSON").toResponse(400);
        }
        if (cause instanceof AlreadyExistsException) {
            return new ApiError("ALREADY_EXISTS", cause.getMessage()).toResponse(409);
        }
        if (cause instanceof JobRunningException) {
            return new ApiError("JOB_RUNNING", cause.getMessage()).toResponse(409);
        }
        if (cause instanceof IllegalTransitionException || isRefusedByJobOperator(cause)) {
            return new ApiError("ILLEGAL_STATE", cause.getMessage()).toResponse(409);
        }
        if (cause instanceof RejoinNotAllowedException) {
            return new ApiError("REJOIN_NOT_ALLOWED", cause.getMessage()).toResponse(409);
        }
        if (cause instanceof IllegalArgumentException) {
            // Enum.valueOf names the enum's class: that is ours to know, not the caller's.
            String message = cause.getMessage() == null || cause.getMessage().startsWith("No enum constant")
                    ? "invalid value"
                    : cause.getMessage();
            return new ApiError("BAD_REQUEST", message).toResponse(400);
        }
        if (cause instanceof OptimisticLockException) {
            return new ApiError("ILLEGAL_STATE", "changed concurrently by another request: try again").toResponse(409);
        }
        return internalError(error);
    }

    /** A refusal of ours (or a body over the limit) that the framework wrapped into its own exception, if any. */
    static ApiException refusalIn(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException api) {
                return api;
            }
            if (cause instanceof BodyTooLargeException tooLarge) {
                return tooLarge.refusal();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    /** The failure is logged with an id the caller gets, so an operator can find it without the caller seeing it. */
    static Response internalError(Throwable error) {
        String id = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "request failed; correlation id " + id, error);
        return new ApiError("INTERNAL_ERROR", "internal error; correlation id " + id, id).toResponse(500);
    }

    private static boolean isOurs(Throwable error) {
        return error instanceof ApiException
                || error instanceof BodyTooLargeException
                || error instanceof IllegalTransitionException
                || error instanceof IllegalArgumentException
                || error instanceof RejoinNotAllowedException
                || error instanceof ClientRefusedException
                || error instanceof ChatRefusedException
                || error instanceof JsonException
                || isNotFound(error)
                || error instanceof JobRunningException
                || error instanceof AlreadyExistsException
                || error instanceof BatchRuntimeException
                || error instanceof OptimisticLockException;
    }

    /** The job operator's refusals (restart of a completed execution, stop of an ended one, ...) are illegal states. */
    private static boolean isRefusedByJobOperator(Throwable error) {
        return error instanceof JobRestartException
                || error instanceof JobExecutionNotRunningException
                || error instanceof JobExecutionIsRunningException
                || error instanceof JobExecutionAlreadyCompleteException
                || error instanceof JobExecutionNotMostRecentException;
    }

    private static boolean isNotFound(Throwable error) {
        return error instanceof PoolNotFoundException
                || error instanceof SiteNotFoundException
                || error instanceof ChatNotFoundException
                || error instanceof UserNotFoundException
                || error instanceof SessionNotFoundException
                || error instanceof ExecutionNotFoundException;
    }

    @Provider
    public static class Any implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable error) {
            return map(error);
        }
    }

    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException error) {
            int status = error.getResponse().getStatus();
            if (status >= 500) {
                return map(error);
            }
            ApiException ours = refusalIn(error);
            if (ours != null) {
                return map(ours);
            }
            // The framework's own messages carry its message ids and the full request URL: answer in our words.
            String message = status == 400 ? "malformed request" : ApiError.messageFor(status);
            Response.ResponseBuilder answer = Response.status(status)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError(ApiError.codeFor(status), message));
            Set<String> allowed = error.getResponse().getAllowedMethods();
            if (status == 405 && allowed != null && !allowed.isEmpty()) {
                answer.allow(allowed);
                answer.entity(new ApiError(
                        "METHOD_NOT_ALLOWED", "method not allowed here; allowed: " + String.join(", ", allowed)));
            }
            return answer.build();
        }
    }

    @Provider
    public static class Json implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException error) {
            return new ApiError("BAD_REQUEST", "malformed JSON").toResponse(400);
        }
    }

    @Provider
    public static class Processing implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException error) {
            ApiException ours = refusalIn(error);
            return ours != null ? map(ours) : new ApiError("BAD_REQUEST", "malformed request body").toResponse(400);
        }
    }

    @Provider
    public static class Unauthorized implements ExceptionMapper<NotAuthorizedException> {
        @Override
        public Response toResponse(NotAuthorizedException error) {
            return challenge();
        }
    }

    /** RESTEasy's role check answers 403 even to anonymous callers; the API promises 401 with a challenge then. */
    @Provider
    public static class Forbidden implements ExceptionMapper<ForbiddenException> {
        @Context
        HttpServletRequest request;

        @Override
        public Response toResponse(ForbiddenException error) {
            if (request == null || request.getUserPrincipal() == null) {
                return challenge();
            }
            return new ApiError("FORBIDDEN", "your role may not do this").toResponse(403);
        }
    }

    static Response challenge() {
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"pool-failback\"")
                .type("application/json")
                .entity(new ApiError("UNAUTHORIZED", "credentials required"))
                .build();
    }
}
