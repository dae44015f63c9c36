package org.failback.web.conferencing;

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
import jakarta.ws.rs.core.MediaType;
import org.failback.domain.conferencing.ConferenceDetails;
import org.failback.domain.conferencing.ConferenceService;
import org.failback.domain.registrar.SipUri;
import org.failback.web.api.JsonBodies;
import org.failback.web.api.PathIds;
import org.failback.web.api.Roles;

/** A conference: read it, change its subject (the organiser's meeting change), join or rejoin it, leave it. */
@Path("conferences/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLIENT, Roles.OPERATOR})
public class ConferenceResource {

    @Inject
    ConferenceService conferences;

    @PathParam("id")
    String id;

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.OPERATOR, Roles.VIEWER})
    public ConferenceDetails get() {
        return conferences.conference(PathIds.parse(id, "session id"));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ConferenceDetails changeSubject(JsonValue body) {
        long conference = PathIds.parse(id, "session id");
        return conferences.changeSubject(conference, JsonBodies.string(JsonBodies.object(body, "subject"), "subject"));
    }

    @POST
    @Path("join")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConferenceDetails join(JsonValue body) {
        long conference = PathIds.parse(id, "session id");
        return conferences.join(conference, SipUri.of(JsonBodies.string(JsonBodies.object(body, "sip"), "sip")));
    }

    @POST
    @Path("leave")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConferenceDetails leave(JsonValue body) {
        long conference = PathIds.parse(id, "session id");
        return conferences.leave(conference, SipUri.of(JsonBodies.string(JsonBodies.object(body, "sip"), "sip")));
    }
}
