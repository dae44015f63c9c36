package org.failback.web.conferencing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.failback.domain.conferencing.ConferenceService;
import org.failback.domain.conferencing.PeerToPeerDetails;
import org.failback.web.api.PathIds;
import org.failback.web.api.Roles;

/** A peer-to-peer session: whether it still goes on (an outage of a party's pool terminates it). */
@Path("p2p/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLIENT, Roles.OPERATOR, Roles.VIEWER})
public class PeerToPeerResource {

    @Inject
    ConferenceService conferences;

    @GET
    public PeerToPeerDetails get(@PathParam("id") String id) {
        return conferences.peerToPeer(PathIds.parse(id, "session id"));
    }
}
