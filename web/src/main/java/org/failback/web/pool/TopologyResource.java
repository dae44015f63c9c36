package org.failback.web.pool;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Map;
import org.failback.batch.application.pool.PairRequest;
import org.failback.batch.application.pool.TopologyAdministration;
import org.failback.domain.pool.FrontEndPool;
import org.failback.domain.pool.PoolName;
import org.failback.domain.pool.PoolService;
import org.failback.domain.registrar.UserDirectory;
import org.failback.web.api.JsonBodies;
import org.failback.web.api.Roles;

/** Topology changes (operator): a new pair of Front End pools backing each other up. */
@Path("topology")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class TopologyResource {

    @Inject
    TopologyAdministration topology;

    @Inject
    PoolService pools;

    @Inject
    UserDirectory users;

    @POST
    @Path("pairs")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createPair(JsonValue body) {
        PairRequest request = pairRequest(JsonBodies.object(body, PairRequest.FIELDS));
        topology.createPair(request);
        var pool = pools.pool(request.pool());
        var backup = pools.pool(request.backupPool());
        return Response.created(UriBuilder.fromPath("/api/pools/{pool}")
                        .build(request.pool().value()))
                .entity(Map.of(
                        "pool",
                        PoolDetails.of(pool, users.counts(pool), null),
                        "backupPool",
                        PoolDetails.of(backup, users.counts(backup), null)))
                .build();
    }

    private static PairRequest pairRequest(JsonObject body) {
        return new PairRequest(
                PoolName.of(JsonBodies.string(body, "site")),
                PoolName.of(JsonBodies.string(body, "backupSite")),
                PoolName.of(JsonBodies.string(body, "pool")),
                PoolName.of(JsonBodies.string(body, "backupPool")),
                JsonBodies.integer(body, "users", 0, PairRequest.MAX_USERS),
                JsonBodies.integer(
                        body,
                        "resiliencyTimerSeconds",
                        FrontEndPool.MIN_RESILIENCY_TIMER_SECONDS,
                        FrontEndPool.MAX_RESILIENCY_TIMER_SECONDS,
                        PairRequest.DEFAULT_RESILIENCY_TIMER_SECONDS),
                JsonBodies.bool(body, "lowLatency", false),
                JsonBodies.bool(body, "lisBackup", true));
    }
}
