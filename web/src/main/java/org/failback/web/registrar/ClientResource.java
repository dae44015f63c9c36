package org.failback.web.registrar;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.failback.domain.client.RegistrarService;
import org.failback.domain.conferencing.ConferenceDetails;
import org.failback.domain.conferencing.ConferenceKind;
import org.failback.domain.conferencing.ConferenceService;
import org.failback.domain.conferencing.PeerToPeerDetails;
import org.failback.domain.experience.PresenceView;
import org.failback.domain.registrar.ClientVersion;
import org.failback.domain.registrar.PresenceState;
import org.failback.domain.registrar.SipUri;
import org.failback.web.api.JsonBodies;
import org.failback.web.api.Roles;

/**
 * What a Lync client does on behalf of one user, {@code {sip}} being that user's SIP URI with its scheme (':' and
 * '@' may arrive percent-encoded; JAX-RS decodes them). Every refusal comes from the experience policy.
 */
@Path("clients/{sip}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLIENT, Roles.OPERATOR})
public class ClientResource {

    private static final EnumSet<PresenceState> SETTABLE = EnumSet.complementOf(EnumSet.of(PresenceState.UNKNOWN));

    @Inject
    RegistrarService registrar;

    @Inject
    ConferenceService conferences;

    @PathParam("sip")
    String sip;

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.OPERATOR, Roles.VIEWER})
    public RegistrationJson registration() {
        return RegistrationJson.of(registrar.registration(user()));
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_JSON)
    public RegistrationJson signIn(JsonValue body) {
        SipUri user = user();
        ClientVersion client = JsonBodies.enumValue(
                JsonBodies.object(body, "clientVersion"), "clientVersion", EnumSet.allOf(ClientVersion.class));
        return RegistrationJson.of(registrar.signIn(user, client));
    }

    @POST
    @Path("sign-out")
    public Response signOut() {
        registrar.signOut(user());
        return Response.noContent().build();
    }

    @PUT
    @Path("presence")
    @Consumes(MediaType.APPLICATION_JSON)
    public PresenceJson setPresence(JsonValue body) {
        SipUri user = user();
        PresenceState state = JsonBodies.enumValue(JsonBodies.object(body, "state"), "state", SETTABLE);
        return new PresenceJson(user.value(), registrar.setPresence(user, state).getPresenceSet(), true);
    }

    @GET
    @Path("presence/{other}")
    @RolesAllowed({Roles.CLIENT, Roles.OPERATOR, Roles.VIEWER})
    public PresenceJson presence(@PathParam("other") String other) {
        SipUri viewer = user();
        SipUri subject = SipUri.of(other);
        PresenceView seen = registrar.presenceSeenBy(viewer, subject);
        return new PresenceJson(subject.value(), seen.state(), seen.live());
    }

    @GET
    @Path("contacts")
    @RolesAllowed({Roles.CLIENT, Roles.OPERATOR, Roles.VIEWER})
    public List<String> contacts() {
        return registrar.contacts(user());
    }

    @POST
    @Path("contacts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addContact(JsonValue body) {
        SipUri user = user();
        SipUri contact = SipUri.of(JsonBodies.string(JsonBodies.object(body, "sip"), "sip"));
        registrar.addContact(user, contact);
        return Response.status(Response.Status.CREATED)
                .entity(Map.of("sip", contact.value()))
                .build();
    }

    @POST
    @Path("conferences")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createConference(JsonValue body) {
        SipUri user = user();
        ConferenceKind kind =
                JsonBodies.enumValue(JsonBodies.object(body, "kind"), "kind", EnumSet.allOf(ConferenceKind.class));
        ConferenceDetails created = conferences.create(user, kind);
        return Response.created(UriBuilder.fromPath("/api/conferences/{id}").build(created.id()))
                .entity(created)
                .build();
    }

    @POST
    @Path("p2p")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response startPeerToPeer(JsonValue body) {
        SipUri user = user();
        SipUri with = SipUri.of(JsonBodies.string(JsonBodies.object(body, "with"), "with"));
        PeerToPeerDetails started = conferences.startPeerToPeer(user, with);
        return Response.created(UriBuilder.fromPath("/api/p2p/{id}").build(started.id()))
                .entity(started)
                .build();
    }

    private SipUri user() {
        return SipUri.of(sip);
    }
}
