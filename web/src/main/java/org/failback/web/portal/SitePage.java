package org.failback.web.portal;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;
import org.failback.batch.application.pool.SiteRecoveryPlans;
import org.failback.batch.application.pool.SiteRecoveryPlans.Kind;
import org.failback.batch.application.pool.SiteRecoveryPlans.PlanView;
import org.failback.batch.application.pool.SiteRecoveryPlans.PoolOutcome;
import org.failback.domain.pool.FrontEndPool;
import org.failback.domain.pool.PoolName;
import org.failback.domain.pool.SiteNotFoundException;
import org.failback.web.api.ErrorMappers;

/** A site's recovery plan: its pools, the last plan as one run with one progress bar, and the plan's actions. */
@Named
@ViewScoped
public class SitePage implements Serializable {

    @Inject
    PortalUser user;

    @Inject
    transient SiteRecoveryPlans plans;

    private String name;
    private boolean found;
    private List<FrontEndPool> pools = List.of();
    private PlanView lastPlan;

    public void open() {
        try {
            PoolName site = PoolName.of(name == null ? "" : name);
            pools = plans.poolsOf(site);
            lastPlan = plans.lastPlan(site).orElse(null);
            found = true;
        } catch (IllegalArgumentException | SiteNotFoundException e) {
            found = false;
        }
    }

    public void outage() {
        run(Kind.OUTAGE);
    }

    public void failover() {
        run(Kind.FAILOVER);
    }

    public void failback() {
        run(Kind.FAILBACK);
    }

    private void run(Kind kind) {
        user.requireOperator();
        Messages.attempt("Site " + kind.name().toLowerCase(java.util.Locale.ROOT), () -> {
            List<PoolOutcome> outcomes = plans.run(
                    PoolName.of(name),
                    kind,
                    user.getName(),
                    e -> ErrorMappers.error(e).code());
            String refused = outcomes.stream()
                    .filter(PoolOutcome::refused)
                    .map(o -> o.pool() + " (" + o.refusal().getMessage() + ")")
                    .collect(Collectors.joining("; "));
            return kind + " of site " + name + ": "
                    + outcomes.stream().filter(o -> !o.refused()).count() + " pools started"
                    + (refused.isEmpty() ? "" : "; refused: " + refused);
        });
        open();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isFound() {
        return found;
    }

    public List<FrontEndPool> getPools() {
        return pools;
    }

    public PlanView getLastPlan() {
        return lastPlan;
    }
}
