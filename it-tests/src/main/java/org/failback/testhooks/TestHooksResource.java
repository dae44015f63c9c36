package org.failback.testhooks;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.failback.domain.pool.FrontEndPool;
import org.failback.domain.pool.PoolName;
import org.failback.domain.pool.PoolService;
import org.failback.domain.registrar.SipUri;

/**
 * Test-only hooks: make the per-user job step fail for a user ({@code {sip}}: its transition fails;
 * {@code {sip, transientTimes}}: the chunk writing it fails that many times as a lock timeout would), park a job at a
 * crash point for a kill -9 ({@code crash-points}), and the failback benchmark's baselines.
 * Served only by the test EAR (it-tests and bench.sh deploy it); the product EAR has no such endpoint.
 */
@Path("test-hooks")
public class TestHooksResource {

    @Inject
    FaultInjection faults;

    @Inject
    FailbackBaselines baselines;

    @Inject
    CrashPoints crashPoints;

    @Inject
    StepFaults stepFaults;

    @Inject
    BackupPoolSignIns signIns;

    @Inject
    PoolService pools;

    @POST
    @Path("faults")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    public Response failFor(Map<String, Object> body) {
        String sip =
                SipUri.of(body == null ? "" : String.valueOf(body.get("sip"))).value();
        Object times = body.get("transientTimes");
        if (times == null) {
            faults.failFor(sip);
        } else if (times instanceof Number count && count.intValue() > 0) {
            faults.failTransientlyFor(sip, count.intValue());
        } else {
            throw new BadRequestException("transientTimes must be a positive number of failed writes");
        }
        return Response.noContent().build();
    }

    @DELETE
    @Path("faults")
    @RolesAllowed("operator")
    public Response clear() {
        faults.clear();
        return Response.noContent().build();
    }

    /**
     * Arms the crash point {@code {pool, step, chunk}}: the job of that pool parks in that step (every partition
     * after writing its {@code chunk}-th chunk; chunk 0: a batchlet after its work) until the server is killed.
     */
    @POST
    @Path("crash-points")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    public Response armCrashPoint(Map<String, Object> body) {
        Object pool = body == null ? null : body.get("pool");
        Object step = body == null ? null : body.get("step");
        Object chunk = body == null ? null : body.get("chunk");
        if (!(pool instanceof String poolName)
                || !(step instanceof String stepName)
                || stepName.isBlank()
                || !(chunk instanceof Number count)
                || count.intValue() < 0) {
            throw new BadRequestException("a crash point is {pool, step, chunk ≥ 0}");
        }
        crashPoints.arm(new CrashPoints.Point(PoolName.of(poolName).value(), stepName, count.intValue()));
        return Response.noContent().build();
    }

    /** The armed crash point and how many job threads are parked there. */
    @GET
    @Path("crash-points")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    public Map<String, Object> crashPoint() {
        return crashPoints.state();
    }

    @DELETE
    @Path("crash-points")
    @RolesAllowed("operator")
    public Response disarmCrashPoint() {
        crashPoints.disarm();
        return Response.noContent().build();
    }

    /** Arms {@code {pool, step}}: that batchlet step of the pool's job fails once, after its work. */
    @POST
    @Path("step-faults")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    public Response armStepFault(Map<String, Object> body) {
        Object pool = body == null ? null : body.get("pool");
        Object step = body == null ? null : body.get("step");
        if (!(pool instanceof String poolName) || !(step instanceof String stepName) || stepName.isBlank()) {
            throw new BadRequestException("a step fault is {pool, step}");
        }
        stepFaults.arm(new StepFaults.Fault(poolName, stepName));
        return Response.noContent().build();
    }

    @DELETE
    @Path("step-faults")
    @RolesAllowed("operator")
    public Response disarmStepFault() {
        stepFaults.disarm();
        return Response.noContent().build();
    }

    /** Runs one baseline ({@code loop} or {@code set-based}) after resetting the pool to failed over; answers the seconds. */
    @POST
    @Path("bench/{pool}/{baseline: loop|set-based}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    public Map<String, Object> baseline(@PathParam("pool") String pool, @PathParam("baseline") String baseline)
            throws java.sql.SQLException {
        FrontEndPool target = pools.pool(PoolName.of(pool));
        baselines.resetToFailedOver(target.getId(), target.getBackupPool().getId());
        double seconds =
                "loop".equals(baseline) ? baselines.keysetLoop(target.getId()) : baselines.setBased(target.getId());
        return Map.of("baseline", baseline, "seconds", seconds);
    }

    /** Puts the pool back to failed over and repaired, every user ON_BACKUP, so the next failback has work to do. */
    @POST
    @Path("bench/{pool}/reset")
    @RolesAllowed("operator")
    public Response reset(@PathParam("pool") String pool) throws java.sql.SQLException {
        FrontEndPool target = pools.pool(PoolName.of(pool));
        baselines.resetToFailedOver(target.getId(), target.getBackupPool().getId());
        return Response.noContent().build();
    }

    /**
     * Signs {@code {share}} (0 to 1) of a failed-over pool's users in to its backup pool, with presence, contacts,
     * conferences and p2p sessions (the failback benchmark's signed-in users); answers {@code {signedIn}}.
     */
    @POST
    @Path("bench/{pool}/sign-in")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    public Map<String, Object> signIn(@PathParam("pool") String pool, Map<String, Object> body)
            throws java.sql.SQLException {
        FrontEndPool target = pools.pool(PoolName.of(pool));
        if (target.getState() != org.failback.domain.pool.PoolState.FAILED_OVER) {
            throw new BadRequestException("pool " + pool + " is " + target.getState() + ", not FAILED_OVER");
        }
        if (body == null || !(body.get("share") instanceof Number share)) {
            throw new BadRequestException("share (a number from 0 to 1) is required");
        }
        try {
            return Map.of(
                    "signedIn",
                    signIns.signIn(target.getId(), target.getBackupPool().getId(), share.doubleValue()));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }
}
