package org.failback.web.portal;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.failback.batch.application.chat.ChatJobs;
import org.failback.batch.application.chat.ChatPoolView;
import org.failback.batch.application.chat.ChatPools;
import org.failback.batch.application.chat.PchatPlan;
import org.failback.batch.application.logshipping.LogShippingJobs;
import org.failback.domain.chat.ChatNotFoundException;

/**
 * The Persistent Chat page of one pool: state, active servers with their sites, each database's role, mirroring and
 * log-shipping monitor, the recovery point, and (operator) the runbook's actions, each behind a dialog with its
 * dry-run plan.
 */
@Named
@ViewScoped
public class ChatPage implements Serializable {

    /** The operator's actions on a chat pool; the jobs among them show their plan first. */
    public enum Action {
        OUTAGE(
                "Primary data centre lost",
                "The primary's mgc and mgccomp and its chat servers are gone; the share survives."),
        FAILOVER("Fail over", "pchat-failover: apply what the share holds to the backup and recover it there."),
        REBUILD("Primary rebuilt", "Empty mgc and mgccomp exist on the primary again (Topology Builder)."),
        FAILBACK("Fail back", "pchat-failback: seed 003's seven steps back to the primary."),
        SHIP("Log-shipping round", "Backup on the primary, copy to the secondary, restore there.");

        private final String title;
        private final String description;

        Action(String title, String description) {
            this.title = title;
            this.description = description;
        }

        public String getTitle() {
            return title;
        }

        public String getDescription() {
            return description;
        }

        public String getId() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Inject
    PortalUser user;

    @Inject
    ChatPools pools;

    @Inject
    ChatJobs jobs;

    @Inject
    LogShippingJobs shipping;

    private String name = "pchat";
    private ChatPoolView pool;
    private Action pending;
    private PchatPlan.Plan plan;
    private String planError;
    private String activeServers;
    private Long lastJob;

    public void open() {
        try {
            pool = pools.view(name == null ? "" : name);
            if (activeServers == null) {
                activeServers = pool.servers().stream()
                        .filter(s -> s.site().equals(pool.primary().site()))
                        .map(ChatPoolView.ServerView::name)
                        .reduce((a, b) -> a + ", " + b)
                        .orElse("");
            }
        } catch (ChatNotFoundException | IllegalArgumentException e) {
            pool = null;
        }
    }

    public boolean isFound() {
        return pool != null;
    }

    public List<Action> getActions() {
        return List.of(Action.values());
    }

    public boolean allowed(Action action) {
        if (pool == null || pool.runningJobExecutionId() != null) {
            return false;
        }
        return switch (action) {
            case OUTAGE -> pool.state().equals("NORMAL");
            case FAILOVER -> pool.state().equals("DOWN") || pool.state().equals("FAILING_OVER");
            case REBUILD -> pool.state().equals("FAILED_OVER");
            case FAILBACK -> pool.state().equals("FAILED_OVER") && pool.primaryRebuilt();
            case SHIP -> pool.state().equals("NORMAL");
        };
    }

    public void prepare(Action action) {
        pending = action;
        plan();
    }

    public void plan() {
        plan = null;
        planError = null;
        try {
            if (pending == Action.FAILOVER) {
                plan = jobs.planFailover(name);
            } else if (pending == Action.FAILBACK) {
                plan = jobs.planFailback(name, servers());
            }
        } catch (RuntimeException e) {
            planError = e.getMessage();
        }
    }

    public void confirm() {
        user.requireOperator();
        Action action = pending;
        Messages.attempt(action.getTitle(), () -> switch (action) {
            case OUTAGE -> {
                pools.outage(name);
                yield "chat pool " + name + " is DOWN";
            }
            case FAILOVER -> {
                lastJob = jobs.startFailover(name, user.getName());
                yield "pchat-failover of " + name + " started (job " + lastJob + ")";
            }
            case REBUILD -> {
                pools.rebuildPrimary(name, user.getName());
                yield "primary of " + name + " rebuilt: empty mgc and mgccomp";
            }
            case FAILBACK -> {
                lastJob = jobs.startFailback(name, servers(), user.getName());
                yield "pchat-failback of " + name + " started (job " + lastJob + ")";
            }
            case SHIP -> {
                lastJob = shipping.startRound(name, user.getName());
                yield "log-shipping round of " + name + " started (job " + lastJob + ")";
            }
        });
        pending = null;
        open();
    }

    private List<String> servers() {
        return activeServers == null || activeServers.isBlank()
                ? List.of()
                : java.util.Arrays.stream(activeServers.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public ChatPoolView getPool() {
        return pool;
    }

    public Action getPending() {
        return pending;
    }

    public PchatPlan.Plan getPlan() {
        return plan;
    }

    public String getPlanError() {
        return planError;
    }

    public String getActiveServers() {
        return activeServers;
    }

    public void setActiveServers(String activeServers) {
        this.activeServers = activeServers;
    }

    public Long getLastJob() {
        return lastJob;
    }
}
