package org.failback.web.jobs;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
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
import org.failback.batch.jobs.JobLog;
import org.failback.batch.jobs.JobRuns;
import org.failback.batch.jobs.JobView;
import org.failback.batch.jobs.JobViews;
import org.failback.batch.pool.PoolJobService;
import org.failback.domain.pool.PoolName;
import org.failback.web.api.ApiException;

/** Jakarta Batch executions: list, detail with progress, stop, restart from the last checkpoint, abandon, log. */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

    private static final List<String> STATUSES = List.of("STARTING", "STARTED", "STOPPING", "STOPPED", "FAILED", "COMPLETED", "ABANDONED");

    @Inject
    JobViews views;

    @Inject
    JobRuns runs;

    @Inject
    JobLog log;

    @Inject
    PoolJobService jobs;

    @GET
    @RolesAllowed({"viewer", "operator"})
    public List<JobView> list(@QueryParam("pool") String pool, @QueryParam("status") String status,
                              @QueryParam("limit") @DefaultValue("100") int limit) {
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badRequest("status must be one of " + STATUSES);
        }
        if (limit < 1 || limit > 1000) {
            throw ApiException.badRequest("limit must be from 1 to 1000");
        }
        return views.list(pool == null ? null : PoolName.of(pool).value(), status, limit);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"viewer", "operator"})
    public JobView get(@PathParam("id") long id) {
        return views.view(id);
    }

    @GET
    @Path("{id}/log")
    @RolesAllowed({"viewer", "operator"})
    public List<JobLog.Line> log(@PathParam("id") long id, @QueryParam("limit") @DefaultValue("10000") int limit) {
        views.view(id);
        return log.lines(runs.chain(id), Math.max(1, Math.min(limit, 100_000)));
    }

    @GET
    @Path("{id}/throughput")
    @RolesAllowed({"viewer", "operator"})
    public List<long[]> throughput(@PathParam("id") long id) {
        return views.throughput(id);
    }

    @POST
    @Path("{id}/stop")
    @RolesAllowed("operator")
    public Response stop(@PathParam("id") long id) {
        jobs.stop(id);
        return Response.accepted(Map.of("jobExecutionId", id)).build();
    }

    @POST
    @Path("{id}/restart")
    @RolesAllowed("operator")
    public Response restart(@PathParam("id") long id, @Context SecurityContext security) {
        long restarted = jobs.restart(id, security.getUserPrincipal().getName());
        return Response.accepted(Map.of("jobExecutionId", restarted)).build();
    }

    @POST
    @Path("{id}/abandon")
    @RolesAllowed("operator")
    public Response abandon(@PathParam("id") long id) {
        jobs.abandon(id);
        return Response.ok(views.view(id)).build();
    }
}
