package org.failback.web.chat;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.failback.batch.application.chat.ChatRooms;
import org.failback.web.api.ApiException;
import org.failback.web.api.JsonBodies;
import org.failback.web.api.QueryParams;
import org.failback.web.api.Roles;

/** Chat rooms and their messages, as a client posts and reads them; the compliance copy for viewers and operators. */
@Path("chat/rooms")
@Produces(MediaType.APPLICATION_JSON)
public class ChatRoomResource {

    private static final String DEFAULT_POOL = "pchat";

    @Inject
    ChatRooms rooms;

    /** {@code {name}} and, where more than the demo pool exists, {@code pool} (default pchat). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CLIENT, Roles.OPERATOR})
    public Response create(JsonValue body) {
        JsonObject json = JsonBodies.object(body, "name", "pool");
        String name = JsonBodies.string(json, "name");
        boolean created = rooms.create(name, JsonBodies.string(json, "pool", DEFAULT_POOL));
        return Response.status(created ? 201 : 200).entity(Map.of("name", name)).build();
    }

    @POST
    @Path("{room}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CLIENT, Roles.OPERATOR})
    public Response post(@PathParam("room") String room, JsonValue body) {
        JsonObject json = JsonBodies.object(body, "sender", "text");
        long id = rooms.post(room, JsonBodies.string(json, "sender"), JsonBodies.string(json, "text"));
        return Response.status(201).entity(Map.of("id", id)).build();
    }

    @GET
    @Path("{room}/messages")
    @RolesAllowed({Roles.CLIENT, Roles.VIEWER, Roles.OPERATOR})
    public List<ChatRooms.Message> messages(
            @PathParam("room") String room,
            @QueryParam("after") String after,
            @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        return read(room, after, limit, uri, false);
    }

    @GET
    @Path("{room}/compliance")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR})
    public List<ChatRooms.Message> compliance(
            @PathParam("room") String room,
            @QueryParam("after") String after,
            @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        return read(room, after, limit, uri, true);
    }

    private List<ChatRooms.Message> read(String room, String after, String limit, UriInfo uri, boolean compliance) {
        QueryParams.allowOnly(uri, "after", "limit");
        long afterId = 0;
        if (after != null) {
            try {
                afterId = Long.parseLong(after);
            } catch (NumberFormatException e) {
                afterId = -1;
            }
            if (afterId < 0) {
                throw ApiException.badRequest("after must be a message id (0 or more), not '"
                        + (after.length() > 20 ? after.substring(0, 20) + "…" : after) + "'");
            }
        }
        int max = QueryParams.integer(limit, "limit", 1, ChatRooms.MAX_LIMIT, ChatRooms.DEFAULT_LIMIT);
        return rooms.messages(room, afterId, max, compliance);
    }
}
