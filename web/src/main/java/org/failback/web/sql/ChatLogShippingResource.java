package org.failback.web.sql;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import org.failback.batch.application.logshipping.LogShippingJobs;
import org.failback.batch.application.logshipping.LogShippingSchedules;
import org.failback.domain.dbadmin.LogShippingSchedule;
import org.failback.domain.pool.PoolName;
import org.failback.web.api.ApiException;
import org.failback.web.api.JsonBodies;
import org.failback.web.api.Roles;

/** The log shipping of a Persistent Chat pool: its schedule and thresholds, and one round now (API.md). */
@Path("chat/pools/{pool}/log-shipping")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChatLogShippingResource {

    @Inject
    LogShippingSchedules schedules;

    @Inject
    LogShippingJobs jobs;

    @PathParam("pool")
    String poolParam;

    public record ScheduleJson(int everyMinutes, int backupThresholdMinutes, int restoreThresholdMinutes) {}

    @PUT
    @RolesAllowed(Roles.OPERATOR)
    public ScheduleJson schedule(JsonValue body) {
        String pool = existingPool();
        JsonObject json = JsonBodies.object(body, "everyMinutes", "backupThresholdMinutes", "restoreThresholdMinutes");
        int max = LogShippingSchedule.MAX_MINUTES;
        LogShippingSchedule schedule = new LogShippingSchedule(
                JsonBodies.integer(json, "everyMinutes", 1, max),
                JsonBodies.integer(json, "backupThresholdMinutes", 1, max),
                JsonBodies.integer(json, "restoreThresholdMinutes", 1, max));
        schedules
                .set(pool, schedule)
                .orElseThrow(() -> ApiException.illegalState("chat pool " + pool + " has no log shipping configured"));
        return new ScheduleJson(
                schedule.everyMinutes(), schedule.backupThresholdMinutes(), schedule.restoreThresholdMinutes());
    }

    @POST
    @Path("run")
    @RolesAllowed(Roles.OPERATOR)
    public Response run(@Context SecurityContext security) {
        String pool = existingPool();
        long execution = jobs.startRound(pool, security.getUserPrincipal().getName());
        return Response.accepted(Map.of("jobExecutionId", execution)).build();
    }

    private String existingPool() {
        String pool = PoolName.of(poolParam).value();
        if (!schedules.chatPoolExists(pool)) {
            throw ApiException.notFound("no Persistent Chat pool named " + pool);
        }
        return pool;
    }
}
