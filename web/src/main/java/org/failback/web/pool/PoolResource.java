package org.failback.web.pool;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.failback.domain.pool.FrontEndPool;
import org.failback.domain.pool.PoolName;
import org.failback.domain.pool.PoolService;
import org.failback.domain.registrar.FailbackStatus;
import org.failback.domain.registrar.SipUri;
import org.failback.domain.registrar.UserDirectory;
import org.failback.domain.registrar.UserQuery;
import org.failback.web.api.JsonBodies;
import org.failback.web.api.QueryParams;
import org.failback.web.api.Roles;

/** Front End pools: read by viewers, driven through outage, recovery and repair by operators. */
@Path("pools")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
public class PoolResource {

    @Inject
    PoolService pools;

    @Inject
    UserDirectory users;

    @GET
    public List<PoolSummary> list() {
        Map<Integer, Long> homed = users.homedUsersPerPool();
        return pools.pools().stream()
                .map(p -> PoolSummary.of(p, homed.getOrDefault(p.getId(), 0L)))
                .toList();
    }

    @GET
    @Path("{pool}")
    public PoolDetails get(@PathParam("pool") String pool) {
        return details(pools.pool(PoolName.of(pool)));
    }

    /** The pool fails: NORMAL → DOWN; its signed-in users are signed out, their sessions terminated. */
    @POST
    @Path("{pool}/outage")
    @RolesAllowed(Roles.OPERATOR)
    public PoolDetails outage(@PathParam("pool") String pool) {
        return details(pools.outage(PoolName.of(pool)));
    }

    /** The pool came back before failover: DOWN → NORMAL. */
    @POST
    @Path("{pool}/recover")
    @RolesAllowed(Roles.OPERATOR)
    public PoolDetails recover(@PathParam("pool") String pool) {
        return details(pools.recover(PoolName.of(pool)));
    }

    /** The home pool is restored after failover: FAILED_OVER, repaired, ready for failback. */
    @POST
    @Path("{pool}/repair")
    @RolesAllowed(Roles.OPERATOR)
    public PoolDetails repair(@PathParam("pool") String pool) {
        return details(pools.repair(PoolName.of(pool)));
    }

    @PUT
    @Path("{pool}/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public PoolDetails settings(@PathParam("pool") String pool, JsonValue body) {
        PoolName name = PoolName.of(pool);
        int seconds = JsonBodies.integer(
                JsonBodies.object(body, "resiliencyTimerSeconds"),
                "resiliencyTimerSeconds",
                FrontEndPool.MIN_RESILIENCY_TIMER_SECONDS,
                FrontEndPool.MAX_RESILIENCY_TIMER_SECONDS);
        return details(pools.changeResiliencyTimer(name, seconds));
    }

    @GET
    @Path("{pool}/users")
    public UserPageJson users(
            @PathParam("pool") String pool,
            @QueryParam("status") String status,
            @QueryParam("q") String q,
            @QueryParam("after") String after,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        PoolName name = PoolName.of(pool);
        UserQuery query = new UserQuery(
                status == null || status.isEmpty()
                        ? null
                        : JsonBodies.enumValue(status, "status", FailbackStatus.class),
                q == null || q.isEmpty() ? null : q,
                after == null || after.isEmpty() ? null : SipUri.of(after),
                QueryParams.integer(page, "page", 0, UserQuery.MAX_PAGE, 0),
                QueryParams.integer(size, "size", 1, UserQuery.MAX_SIZE, UserQuery.DEFAULT_SIZE));
        return UserPageJson.of(users.page(pools.pool(name), query));
    }

    @GET
    @Path("{pool}/users/{sip}")
    public UserItem user(@PathParam("pool") String pool, @PathParam("sip") String sip) {
        PoolName name = PoolName.of(pool);
        SipUri user = SipUri.of(sip);
        return UserItem.of(users.homedOn(pools.pool(name), user));
    }

    private PoolDetails details(FrontEndPool pool) {
        return PoolDetails.of(pool, users.counts(pool), LastJob.of(pool.getLastJobExecutionId()));
    }
}
