package org.failback.web.sql;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.failback.batch.application.dbadmin.SqlAdministration;
import org.failback.batch.application.dbadmin.SqlInstances;
import org.failback.batch.infrastructure.dbadmin.JdbcCommandLog;
import org.failback.domain.dbadmin.Capability;
import org.failback.domain.dbadmin.DatabaseName;
import org.failback.domain.dbadmin.InstanceName;
import org.failback.domain.dbadmin.LogShippingStatus;
import org.failback.web.api.PathIds;
import org.failback.web.api.QueryParams;
import org.failback.web.api.Roles;

/** SQL instances and the command log (API.md "SQL instances and the command log"). */
@Path("sql")
@Produces(MediaType.APPLICATION_JSON)
public class SqlResource {

    static final int MAX_COMMANDS = 10_000;

    @Inject
    SqlAdministration sql;

    @Context
    UriInfo uri;

    public record InstanceJson(
            String name, String site, String engine, List<Capability> capabilities, List<DatabaseJson> databases) {}

    public record DatabaseJson(
            String name,
            String state,
            String recoveryModel,
            String mirroring,
            String purpose,
            LogShippingJson logShipping) {}

    public record LogShippingJson(
            String primary,
            String secondary,
            String lastBackup,
            String lastCopy,
            String lastRestore,
            String lastRestoredFile,
            int backupThresholdMinutes,
            int restoreThresholdMinutes,
            String method,
            boolean alert) {

        static LogShippingJson of(LogShippingStatus s, boolean alert) {
            return s == null
                    ? null
                    : new LogShippingJson(
                            s.primary().value(),
                            s.secondary().value(),
                            text(s.lastBackup()),
                            text(s.lastCopy()),
                            text(s.lastRestore()),
                            s.lastRestoredFile(),
                            s.backupThresholdMinutes(),
                            s.restoreThresholdMinutes(),
                            s.method().name(),
                            alert);
        }
    }

    public record CommandJson(
            long id,
            String instance,
            String database,
            String commandType,
            String command,
            String startTime,
            String endTime,
            Integer errorNumber,
            String errorMessage,
            Long jobExecutionId) {

        static CommandJson of(JdbcCommandLog.Entry e) {
            return new CommandJson(
                    e.id(),
                    e.instance(),
                    e.database(),
                    e.commandType(),
                    e.command(),
                    text(e.startTime()),
                    text(e.endTime()),
                    e.errorNumber(),
                    e.errorMessage(),
                    e.jobExecutionId());
        }
    }

    @GET
    @Path("instances")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public List<InstanceJson> instances() {
        QueryParams.allowOnly(uri);
        return sql.instances().stream().map(SqlResource::json).toList();
    }

    @GET
    @Path("commands")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public List<CommandJson> commands(
            @QueryParam("job") String job,
            @QueryParam("instance") String instance,
            @QueryParam("database") String database,
            @QueryParam("limit") String limit) {
        QueryParams.allowOnly(uri, "job", "instance", "database", "limit");
        JdbcCommandLog.Filter filter = new JdbcCommandLog.Filter(
                job == null ? null : PathIds.parse(job, "job execution id"),
                instance == null ? null : InstanceName.of(instance).value(),
                database == null ? null : DatabaseName.of(database).value(),
                QueryParams.integer(limit, "limit", 1, MAX_COMMANDS, 100));
        return sql.commands(filter).stream().map(CommandJson::of).toList();
    }

    private static InstanceJson json(SqlInstances.InstanceView view) {
        return new InstanceJson(
                view.name(),
                view.site(),
                view.engine(),
                view.capabilities(),
                view.databases().stream()
                        .map(d -> new DatabaseJson(
                                d.name(),
                                d.state(),
                                d.recoveryModel(),
                                d.mirroring(),
                                d.purpose(),
                                LogShippingJson.of(d.logShipping(), d.alert())))
                        .toList());
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
