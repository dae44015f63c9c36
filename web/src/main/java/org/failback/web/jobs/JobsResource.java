package org.failback.web.jobs;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;
import org.failback.batch.application.chat.ChatPools;
import org.failback.batch.application.jobs.JobView;
import org.failback.batch.application.jobs.JobViews;
import org.failback.batch.application.pool.PoolJobService;
import org.failback.batch.infrastructure.jobs.JobLog;
import org.failback.batch.infrastructure.jobs.JobRuns;
import org.failback.domain.pool.PoolName;
import org.failback.domain.pool.PoolService;
import org.failback.web.api.ApiException;
import org.failback.web.api.PathIds;
import org.failback.web.api.QueryParams;

/** Jakarta Batch executions: list, detail with progress, stop, restart from the last checkpoint, abandon, log. */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

    private static final List<String> STATUSES =
            List.of("STARTING", "STARTED", "STOPPING", "STOPPED", "FAILED", "COMPLETED", "ABANDONED");

    @Inject
    JobViews views;

    @Inject
    JobRuns runs;

    @Inject
    JobLog log;

    @Inject
    PoolJobService jobs;

    @Inject
    PoolService pools;

    @Inject
    ChatPools chatPools;

    @GET
    @RolesAllowed({"viewer", "operator"})
    public List<JobView> list(
            @QueryParam("pool") String pool,
            @QueryParam("status") String status,
            @QueryParam("limit") String limitText) {
        int limit = QueryParams.integer(limitText, "limit", 1, 1000, 100);
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badRequest("status must be one of " + STATUSES);
        }
        String poolName = pool == null ? null : knownPool(PoolName.of(pool));
        return views.list(poolName, status, limit);
    }

    /**
     * Front End and Persistent Chat pools share the job list. A misspelt pool is a 404, not an empty list that reads
     * as "no job ever ran for it".
     */
    private String knownPool(PoolName pool) {
        return chatPools.names().contains(pool.value())
                ? pool.value()
                : pools.pool(pool).getName();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"viewer", "operator"})
    public JobView get(@PathParam("id") String id) {
        return views.view(executionId(id));
    }

    @GET
    @Path("{id}/log")
    @RolesAllowed({"viewer", "operator"})
    public List<JobLog.Line> log(@PathParam("id") String id, @QueryParam("limit") String limitText) {
        long execution = executionId(id);
        int limit = QueryParams.integer(limitText, "limit", 1, 100_000, 10_000);
        JobViews.execution(execution);
        return log.lines(runs.chain(execution), limit);
    }

    @GET
    @Path("{id}/throughput")
    @RolesAllowed({"viewer", "operator"})
    public List<long[]> throughput(@PathParam("id") String id) {
        return views.throughput(executionId(id));
    }

    @POST
    @Path("{id}/stop")
    @RolesAllowed("operator")
    public Response stop(@PathParam("id") String id) {
        long execution = executionId(id);
        jobs.stop(execution);
        return Response.accepted(Map.of("jobExecutionId", execution)).build();
    }

    @POST
    @Path("{id}/restart")
    @RolesAllowed("operator")
    public Response restart(@PathParam("id") String id, @Context SecurityContext security) {
        long restarted =
                jobs.restart(executionId(id), security.getUserPrincipal().getName());
        return Response.accepted(Map.of("jobExecutionId", restarted)).build();
    }

    @POST
    @Path("{id}/abandon")
    @RolesAllowed("operator")
    public Response abandon(@PathParam("id") String id) {
        long execution = executionId(id);
        jobs.abandon(execution);
        return Response.ok(views.view(execution)).build();
    }

    private static long executionId(String text) {
        return PathIds.parse(text, "job execution id");
    }
}
