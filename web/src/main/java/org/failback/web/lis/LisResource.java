package org.failback.web.lis;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.failback.batch.application.lis.LisAdministration;
import org.failback.batch.application.lis.LisJobs;
import org.failback.batch.infrastructure.engine.DataDirectory;
import org.failback.domain.dbadmin.CorruptBackupException;
import org.failback.domain.lis.LisBackupSchedule;
import org.failback.domain.lis.LisLocation;
import org.failback.domain.lis.NoLisBackupException;
import org.failback.domain.pool.PoolName;
import org.failback.web.api.ApiException;
import org.failback.web.api.JsonBodies;
import org.failback.web.api.Roles;

/** Location Information Service of one Front End pool: its locations, backups and backup schedule. */
@Path("lis/{pool}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LisResource {

    @Inject
    LisAdministration lis;

    @Inject
    LisJobs jobs;

    @PathParam("pool")
    String poolParam;

    public record LocationView(
            long id,
            String location,
            String houseNumber,
            String streetName,
            String city,
            String state,
            String postalCode,
            String country,
            String subnet,
            String originPool,
            String mergedAt) {

        static LocationView of(LisLocation l, Map<Long, Instant> mergedAt) {
            return new LocationView(
                    l.id(),
                    l.location(),
                    l.houseNumber(),
                    l.streetName(),
                    l.city(),
                    l.state(),
                    l.postalCode(),
                    l.country(),
                    l.subnet(),
                    l.originPool(),
                    text(mergedAt.get(l.id())));
        }
    }

    public record BackupView(
            String file,
            String takenAt,
            long bytes,
            String checksum,
            boolean verified,
            Long jobExecutionId,
            String path,
            String verification) {}

    public record ScheduleView(String pool, int everyMinutes, int keep, String nextRunAt) {

        static ScheduleView of(LisBackupSchedule s) {
            return new ScheduleView(s.pool(), s.everyMinutes(), s.keep(), text(s.nextRunAt()));
        }
    }

    @GET
    @Path("locations")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public List<LocationView> locations() {
        LisAdministration.Locations locations = lis.locations(existingPool());
        return locations.locations().stream()
                .map(l -> LocationView.of(l, locations.mergedAt()))
                .toList();
    }

    @POST
    @Path("locations")
    @RolesAllowed(Roles.OPERATOR)
    public Response addLocation(JsonValue body) {
        PoolName pool = existingPool();
        JsonObject json = JsonBodies.object(
                body, "location", "houseNumber", "streetName", "city", "state", "postalCode", "country", "subnet");
        LisLocation location = LisLocation.of(
                JsonBodies.string(json, "location"),
                JsonBodies.string(json, "houseNumber", null),
                JsonBodies.string(json, "streetName", null),
                JsonBodies.string(json, "city"),
                JsonBodies.string(json, "state", null),
                JsonBodies.string(json, "postalCode", null),
                JsonBodies.string(json, "country"),
                JsonBodies.string(json, "subnet", null));
        LisLocation stored = lis.addLocation(pool, location);
        return Response.status(201).entity(LocationView.of(stored, Map.of())).build();
    }

    @POST
    @Path("backups")
    @RolesAllowed(Roles.OPERATOR)
    public Response backup(@Context SecurityContext security) {
        PoolName pool = existingPool();
        return Response.accepted(Map.of(
                        "jobExecutionId",
                        jobs.startBackup(pool, security.getUserPrincipal().getName())))
                .build();
    }

    @GET
    @Path("backups")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public List<BackupView> backups() {
        PoolName pool = existingPool();
        return lis.backups(pool).stream()
                .map(b -> new BackupView(
                        b.fileName(),
                        text(b.takenAt()),
                        b.bytes(),
                        b.sha256(),
                        b.verified(),
                        b.jobExecutionId(),
                        DataDirectory.relative(lis.backupFile(pool, b).path()),
                        b.verification()))
                .toList();
    }

    @GET
    @Path("backup-schedule")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public ScheduleView schedule() {
        PoolName pool = existingPool();
        return lis.schedule(pool)
                .map(ScheduleView::of)
                .orElseThrow(() -> ApiException.notFound("pool " + pool + " has no LIS backup schedule"));
    }

    /** Saves the schedule; its first backup runs at the scheduler's next tick, then every {@code everyMinutes}. */
    @PUT
    @Path("backup-schedule")
    @RolesAllowed(Roles.OPERATOR)
    public ScheduleView putSchedule(JsonValue body) {
        PoolName pool = existingPool();
        JsonObject json = JsonBodies.object(body, "everyMinutes", "keep");
        LisBackupSchedule schedule = new LisBackupSchedule(
                pool.value(),
                JsonBodies.integer(json, "everyMinutes", 1, LisBackupSchedule.MAX_EVERY_MINUTES),
                JsonBodies.integer(json, "keep", 1, LisBackupSchedule.MAX_KEEP),
                Instant.now());
        lis.saveSchedule(schedule);
        return ScheduleView.of(schedule);
    }

    /**
     * Restores pool {@code from}'s newest usable LIS backup into this pool's LIS database, merged (what failover
     * does; it clears {@code from}'s lisRestorePending). Checked before the 202: none verified → 409 NO_LIS_BACKUP,
     * every verified one failing its checksum → 409 BACKUP_CORRUPT; a newer corrupt one is passed over.
     */
    @POST
    @Path("restores")
    @RolesAllowed(Roles.OPERATOR)
    public Response restore(JsonValue body, @Context SecurityContext security) {
        PoolName into = existingPool();
        PoolName from = PoolName.of(JsonBodies.string(JsonBodies.object(body, "from"), "from"));
        if (from.equals(into)) {
            throw ApiException.badRequest("from must name another pool than " + into);
        }
        try {
            lis.restorableBackup(from);
        } catch (NoLisBackupException e) {
            throw new ApiException(409, "NO_LIS_BACKUP", e.getMessage());
        } catch (CorruptBackupException e) {
            throw new ApiException(409, "BACKUP_CORRUPT", e.getMessage());
        }
        return Response.accepted(Map.of(
                        "jobExecutionId",
                        jobs.startRestore(
                                from, into, security.getUserPrincipal().getName())))
                .build();
    }

    /** Instants go out as ISO-8601 text whatever JSON provider the server picks. */
    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private PoolName existingPool() {
        PoolName pool = PoolName.of(poolParam);
        lis.requirePool(pool);
        return pool;
    }
}
