package org.failback.web.pool;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
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
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.failback.batch.application.pool.SiteRecoveryPlans;
import org.failback.batch.application.pool.SiteRecoveryPlans.Kind;
import org.failback.batch.application.pool.SiteRecoveryPlans.PoolOutcome;
import org.failback.domain.pool.PoolName;
import org.failback.domain.registrar.UserDirectory;
import org.failback.web.api.ApiError;
import org.failback.web.api.ErrorMappers;
import org.failback.web.api.QueryParams;
import org.failback.web.api.Roles;

/**
 * Site recovery plans: an outage, failover or failback of every Front End pool of a site at once, each pool's own
 * job running beside the others; a pool that cannot start is listed with its code and does not stop the others.
 */
@Path("sites/{site}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
public class SiteResource {

    @Inject
    SiteRecoveryPlans plans;

    @Inject
    UserDirectory users;

    /** A refused pool of a plan, as the answer lists it. */
    public record Refused(String pool, String code, String message) {}

    @GET
    public Map<String, Object> get(@PathParam("site") String site) {
        PoolName name = PoolName.of(site);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", name.value());
        Map<Integer, Long> homed = users.homedUsersPerPool();
        view.put(
                "pools",
                plans.poolsOf(name).stream()
                        .map(p -> PoolSummary.of(p, homed.getOrDefault(p.getId(), 0L)))
                        .toList());
        view.put("lastPlan", plans.lastPlan(name).orElse(null));
        return view;
    }

    /** The site's newest recovery plans (at most {@code limit}, default 20), newest first: each one run, a row per pool. */
    @GET
    @Path("plans")
    public List<SiteRecoveryPlans.PlanView> plans(@PathParam("site") String site, @QueryParam("limit") String limit) {
        return plans.history(PoolName.of(site), QueryParams.integer(limit, "limit", 1, 200, 20));
    }

    @POST
    @Path("{kind: outage|failover|failback}")
    @RolesAllowed(Roles.OPERATOR)
    public Response run(
            @PathParam("site") String site,
            @PathParam("kind") String kindText,
            @QueryParam("dryRun") String dryRunText,
            @Context SecurityContext security,
            @Context UriInfo uri) {
        PoolName name = PoolName.of(site);
        QueryParams.allowOnly(uri, "dryRun");
        Kind kind = Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
        if (QueryParams.bool(dryRunText, "dryRun", false)) {
            return Response.ok(Map.of(
                            "site", name.value(),
                            "kind", kind.name(),
                            "pools", plans.dryRun(name, kind, SiteResource::refusalView)))
                    .build();
        }
        try {
            List<PoolOutcome> outcomes = plans.run(
                    name,
                    kind,
                    security.getUserPrincipal().getName(),
                    e -> ErrorMappers.error(e).code());
            return Response.accepted(answer(outcomes)).build();
        } catch (SiteRecoveryPlans.AllPoolsRefusedException e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", refusedCode(e.outcomes()));
            body.put("message", e.getMessage());
            body.putAll(answer(e.outcomes()));
            return Response.status(409)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(body)
                    .build();
        }
    }

    private static Map<String, Object> answer(List<PoolOutcome> outcomes) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put(
                "jobExecutionIds",
                outcomes.stream()
                        .filter(o -> o.jobExecutionId() != null)
                        .map(PoolOutcome::jobExecutionId)
                        .toList());
        answer.put(
                "pools",
                outcomes.stream()
                        .filter(o -> !o.refused())
                        .map(PoolOutcome::pool)
                        .toList());
        answer.put(
                "refused",
                outcomes.stream()
                        .filter(PoolOutcome::refused)
                        .map(o -> {
                            ApiError error = ErrorMappers.error(o.refusal());
                            return new Refused(o.pool(), error.code(), error.message());
                        })
                        .toList());
        return answer;
    }

    /** All refused for one reason → that code (JOB_RUNNING, ILLEGAL_STATE); for several reasons ILLEGAL_STATE. */
    private static String refusedCode(List<PoolOutcome> outcomes) {
        List<String> codes = outcomes.stream()
                .map(o -> ErrorMappers.error(o.refusal()).code())
                .distinct()
                .toList();
        return codes.size() == 1 ? codes.get(0) : "ILLEGAL_STATE";
    }

    private static Object refusalView(RuntimeException refusal) {
        ApiError error = ErrorMappers.error(refusal);
        return Map.of("refused", error);
    }
}
