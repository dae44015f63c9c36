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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.failback.batch.application.jobs.ExecutionNotFoundException;
import org.failback.batch.application.pool.AlreadyExistsException;
import org.failback.batch.infrastructure.jobs.JobRunningException;
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
        if (cause instanceof ClientRefusedException refused) {
            return new ApiError(refused.refusal().code(), refused.getMessage())
                    .toResponse(refused.refusal().httpStatus());
        }
        if (isNotFound(cause)) {
            return new ApiError("NOT_FOUND", cause.getMessage()).toResponse(404);
        }
        if (cause instanceof JsonException) {
            return new ApiError("BAD_REQUEST", "malformed JSON: " + cause.getMessage()).toResponse(400);
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
            return new ApiError("BAD_REQUEST", cause.getMessage()).toResponse(400);
        }
        if (cause instanceof OptimisticLockException) {
            return new ApiError("ILLEGAL_STATE", "changed concurrently by another request: try again").toResponse(409);
        }
        LOG.log(Level.SEVERE, "request failed", error);
        return new ApiError(
                        "INTERNAL_ERROR", "internal error: " + error.getClass().getSimpleName())
                .toResponse(500);
    }

    private static boolean isOurs(Throwable error) {
        return error instanceof ApiException
                || error instanceof IllegalTransitionException
                || error instanceof IllegalArgumentException
                || error instanceof RejoinNotAllowedException
                || error instanceof ClientRefusedException
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
            String message = error.getMessage() == null ? "HTTP " + status : error.getMessage();
            if (error.getCause() instanceof JsonbException || error.getCause() instanceof ProcessingException) {
                message = "malformed request body: " + error.getCause().getMessage();
            }
            return new ApiError(ApiError.codeFor(status), message).toResponse(status);
        }
    }

    @Provider
    public static class Json implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException error) {
            return new ApiError("BAD_REQUEST", "malformed JSON: " + error.getMessage()).toResponse(400);
        }
    }

    @Provider
    public static class Processing implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException error) {
            return new ApiError("BAD_REQUEST", "malformed request body: " + error.getMessage()).toResponse(400);
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
