package org.failback.web.jobs;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.failback.batch.jobs.FaultInjection;
import org.failback.domain.registrar.SipUri;
import org.failback.web.api.ApiException;

/** Test-only: make the per-user job step fail for a user. 404 unless the server runs with -Dfailback.test-hooks=true. */
@Path("test-hooks/faults")
public class TestHooksResource {

    @Inject
    FaultInjection faults;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("operator")
    public Response failFor(Map<String, String> body) {
        requireEnabled();
        faults.failFor(SipUri.of(body == null ? "" : String.valueOf(body.get("sip"))).value());
        return Response.noContent().build();
    }

    @DELETE
    @RolesAllowed("operator")
    public Response clear() {
        requireEnabled();
        faults.clear();
        return Response.noContent().build();
    }

    private static void requireEnabled() {
        if (!FaultInjection.enabled()) {
            throw ApiException.notFound("no such resource");
        }
    }
}
