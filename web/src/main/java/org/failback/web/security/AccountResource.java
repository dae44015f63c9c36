package org.failback.web.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.failback.batch.application.security.AccountAdministration;
import org.failback.web.api.JsonBodies;
import org.failback.web.api.Roles;

/**
 * {@code PUT /api/accounts/{username} {role}} (operator): adds an account or rotates its password; answers the new
 * random password once. {@code accounts.sh} is the command around it.
 */
@Path("accounts/{username}")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    AccountAdministration accounts;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public Map<String, String> set(@PathParam("username") String username, JsonValue body) {
        JsonObject request = JsonBodies.object(body, "role");
        String role = JsonBodies.string(request, "role");
        return Map.of("username", username, "role", role, "password", accounts.setAccount(username, role));
    }
}
