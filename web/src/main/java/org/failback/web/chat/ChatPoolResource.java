package org.failback.web.chat;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.failback.batch.application.chat.ChatJobs;
import org.failback.batch.application.chat.ChatPoolView;
import org.failback.batch.application.chat.ChatPools;
import org.failback.domain.chat.ActiveServerRule;
import org.failback.web.api.ApiException;
import org.failback.web.api.JsonBodies;
import org.failback.web.api.QueryParams;
import org.failback.web.api.Roles;

/** A Persistent Chat pool (API.md "Persistent Chat"): its state, the operator's declarations and its two jobs. */
@Path("chat/pools")
@Produces(MediaType.APPLICATION_JSON)
public class ChatPoolResource {

    @Inject
    ChatPools pools;

    @Inject
    ChatJobs jobs;

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public List<ChatPoolView> list() {
        return pools.names().stream().map(pools::view).toList();
    }

    /** A new pool between two existing sites (its own instances, databases, log shipping and servers). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public Response create(JsonValue body) {
        JsonObject json = JsonBodies.object(body, "name", "primarySite", "backupSite");
        ChatPoolView view = pools.create(
                JsonBodies.string(json, "name"),
                JsonBodies.string(json, "primarySite"),
                JsonBodies.string(json, "backupSite"));
        return Response.status(201).entity(view).build();
    }

    @GET
    @Path("{pool}")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public ChatPoolView get(@PathParam("pool") String pool) {
        return pools.view(pool);
    }

    @POST
    @Path("{pool}/outage")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @RolesAllowed(Roles.OPERATOR)
    public ChatPoolView outage(@PathParam("pool") String pool, @Context UriInfo uri) {
        QueryParams.allowOnly(uri);
        return pools.outage(pool);
    }

    @POST
    @Path("{pool}/rebuild-primary")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @RolesAllowed(Roles.OPERATOR)
    public ChatPoolView rebuildPrimary(
            @PathParam("pool") String pool, @Context UriInfo uri, @Context SecurityContext security) {
        QueryParams.allowOnly(uri);
        return pools.rebuildPrimary(pool, security.getUserPrincipal().getName());
    }

    @POST
    @Path("{pool}/failover")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @RolesAllowed(Roles.OPERATOR)
    public Response failover(
            @PathParam("pool") String pool,
            @QueryParam("dryRun") String dryRunText,
            @Context UriInfo uri,
            @Context SecurityContext security) {
        QueryParams.allowOnly(uri, "dryRun");
        if (QueryParams.bool(dryRunText, "dryRun", false)) {
            return Response.ok(jobs.planFailover(pool)).build();
        }
        long id = jobs.startFailover(pool, security.getUserPrincipal().getName());
        return Response.accepted(Map.of("jobExecutionId", id)).build();
    }

    @POST
    @Path("{pool}/failback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public Response failback(
            @PathParam("pool") String pool,
            @QueryParam("dryRun") String dryRunText,
            JsonValue body,
            @Context UriInfo uri,
            @Context SecurityContext security) {
        QueryParams.allowOnly(uri, "dryRun");
        boolean dryRun = QueryParams.bool(dryRunText, "dryRun", false);
        List<String> servers = activeServers(body);
        if (dryRun) {
            return Response.ok(jobs.planFailback(pool, servers)).build();
        }
        long id = jobs.startFailback(pool, servers, security.getUserPrincipal().getName());
        return Response.accepted(Map.of("jobExecutionId", id)).build();
    }

    @PUT
    @Path("{pool}/active-servers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public ChatPoolView activeServers(@PathParam("pool") String pool, JsonValue body) {
        return pools.setActiveServers(pool, activeServers(body));
    }

    /** {@code {activeServers: [names]}}: an array of strings; names are checked by the rule. */
    private static List<String> activeServers(JsonValue body) {
        JsonObject json = JsonBodies.object(body, "activeServers");
        JsonValue value = json.get("activeServers");
        if (!(value instanceof JsonArray array)) {
            throw ApiException.badRequest("activeServers must be an array of chat server names");
        }
        if (array.size() > ActiveServerRule.MAX_SERVERS) {
            throw ApiException.badRequest("activeServers takes at most " + ActiveServerRule.MAX_SERVERS + " names");
        }
        List<String> names = new ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString text)) {
                throw ApiException.badRequest("activeServers must hold strings only, not " + item.getValueType());
            }
            names.add(text.getString());
        }
        return names;
    }
}
