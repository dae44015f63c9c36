package org.failback.web.jobs;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.failback.batch.application.jobs.PoolJob;
import org.failback.batch.application.pool.PoolJobService;
import org.failback.domain.pool.PoolName;
import org.failback.web.api.ApiException;
import org.failback.web.api.JsonBodies;
import org.failback.web.api.QueryParams;

/** {@code POST /api/pools/{pool}/failover|failback}: start the job (202), or answer its plan with {@code ?dryRun=true}. */
@Path("pools/{pool}/{action: failover|failback}")
@Produces(MediaType.APPLICATION_JSON)
public class PoolJobResource {

    private static final String[] FAILOVER_OPTIONS = {"partitions", "itemCount"};
    private static final String[] FAILBACK_OPTIONS = {"maxUsers", "partitions", "itemCount"};

    @Inject
    PoolJobService jobs;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @RolesAllowed("operator")
    public Response start(
            @PathParam("pool") String pool,
            @PathParam("action") String action,
            @QueryParam("dryRun") String dryRunText,
            JsonValue body,
            @Context SecurityContext security,
            @Context UriInfo uri) {
        PoolName name = PoolName.of(pool);
        // ?dryrun=true must not start the job as if no dry run had been asked for.
        QueryParams.allowOnly(uri, "dryRun");
        boolean dryRun = QueryParams.bool(dryRunText, "dryRun", false);
        PoolJob job = "failover".equals(action) ? PoolJob.FAILOVER : PoolJob.FAILBACK;
        PoolJobService.Options options = options(body, job == PoolJob.FAILBACK);
        if (dryRun) {
            return Response.ok(jobs.plan(job, name, options.maxUsers())).build();
        }
        long id = job == PoolJob.FAILOVER
                ? jobs.startFailover(name, options, security.getUserPrincipal().getName())
                : jobs.startFailback(name, options, security.getUserPrincipal().getName());
        return Response.accepted(Map.of("jobExecutionId", id)).build();
    }

    private static PoolJobService.Options options(JsonValue given, boolean failback) {
        if (given == null || given.getValueType() == JsonValue.ValueType.NULL) {
            return PoolJobService.Options.DEFAULT;
        }
        JsonObject body = JsonBodies.object(given, failback ? FAILBACK_OPTIONS : FAILOVER_OPTIONS);
        return new PoolJobService.Options(
                integer(body, "partitions"), integer(body, "itemCount"), integer(body, "maxUsers"));
    }

    private static Integer integer(JsonObject body, String key) {
        JsonValue value = body.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw ApiException.badRequest(key + " must be an integer");
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            throw ApiException.badRequest(key + " is out of range");
        }
    }
}
