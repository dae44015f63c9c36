package org.failback.web.jobs;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.failback.batch.application.registrar.TransitionAudit;
import org.failback.domain.pool.PoolName;

/** {@code GET /api/pools/{pool}/transition-audit}: the jobs' per-user transitions of a pool, by kind. */
@Path("pools/{pool}/transition-audit")
@Produces(MediaType.APPLICATION_JSON)
public class TransitionAuditResource {

    @Inject
    TransitionAudit audit;

    @GET
    @RolesAllowed({"viewer", "operator"})
    public TransitionAudit.Audit audit(@PathParam("pool") String pool) {
        return audit.of(PoolName.of(pool));
    }
}
