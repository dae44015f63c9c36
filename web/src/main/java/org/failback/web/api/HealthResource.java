package org.failback.web.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.failback.batch.infrastructure.engine.ProductReadiness;

/** UP only once the product is ready: schema, accounts and demo topology in place. */
@Path("health")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Inject
    ProductReadiness readiness;

    @GET
    public Response health() {
        if (!readiness.isReady()) {
            return Response.status(503).entity(Map.of("status", "STARTING")).build();
        }
        return Response.ok(Map.of("status", "UP")).build();
    }
}
