package org.failback.web.portal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.failback.batch.application.chat.ChatPoolView;
import org.failback.batch.application.chat.ChatPools;
import org.failback.batch.application.jobs.JobView;
import org.failback.batch.application.jobs.JobViews;
import org.failback.batch.application.lis.LisAdministration;
import org.failback.batch.infrastructure.lis.StoredBackup;
import org.failback.domain.pool.FrontEndPool;
import org.failback.domain.pool.PoolName;
import org.failback.domain.pool.PoolService;
import org.failback.domain.registrar.PoolUserCounts;

/** The dashboard: sites, Front End pools with their pair, state and user counts, and the jobs running now. */
@Named
@RequestScoped
public class Dashboard {

    /** How many recent runs are looked at for running jobs: running ones are always among the newest. */
    private static final int RECENT_RUNS = 20;

    @Inject
    PoolService pools;

    @Inject
    MovingPoolCounts counts;

    @Inject
    JobViews jobs;

    @Inject
    LisAdministration lis;

    @Inject
    ChatPools chatPools;

    private List<PoolRow> poolRows;
    private List<SiteRow> sites;
    private List<JobView> runningJobs;
    private List<LisRow> lisBackups;

    /** One Front End pool on the dashboard. */
    public record PoolRow(
            String name,
            String site,
            String backupPool,
            String state,
            boolean repaired,
            PoolUserCounts counts,
            Long lastJobId) {}

    /** The newest LIS backup of a pool; file null when it has none. */
    public record LisRow(String pool, String file, Instant takenAt, long bytes, String checksum, boolean verified) {}

    /** A site (data centre) and the pools it holds. */
    public record SiteRow(String name, List<PoolRow> pools) {}

    @PostConstruct
    void load() {
        poolRows = new ArrayList<>();
        Map<String, List<PoolRow>> bySite = new TreeMap<>();
        for (FrontEndPool pool : pools.pools()) {
            PoolRow row = new PoolRow(
                    pool.getName(),
                    pool.getSite().getName(),
                    pool.getBackupPool() == null ? null : pool.getBackupPool().getName(),
                    pool.getState().name(),
                    pool.isRepaired(),
                    counts.of(pool),
                    pool.getLastJobExecutionId());
            poolRows.add(row);
            bySite.computeIfAbsent(row.site(), s -> new ArrayList<>()).add(row);
        }
        sites = bySite.entrySet().stream()
                .map(e -> new SiteRow(e.getKey(), e.getValue()))
                .toList();
        runningJobs = jobs.list(null, null, RECENT_RUNS).stream()
                .filter(JobPage::running)
                .toList();
        lisBackups = lastLisBackups();
    }

    private List<LisRow> lastLisBackups() {
        List<LisRow> rows = new ArrayList<>();
        try {
            for (PoolRow pool : poolRows) {
                StoredBackup last = lis.backups(PoolName.of(pool.name())).stream()
                        .findFirst()
                        .orElse(null);
                rows.add(
                        last == null
                                ? new LisRow(pool.name(), null, null, 0, null, false)
                                : new LisRow(
                                        pool.name(),
                                        last.fileName(),
                                        last.takenAt(),
                                        last.bytes(),
                                        last.sha256(),
                                        last.verified()));
            }
        } catch (IllegalStateException e) {
            Messages.error("LIS backups cannot be read: " + e.getMessage());
        }
        return rows;
    }

    /** The Persistent Chat pools as their page shows them, read when the card renders. */
    public List<ChatPoolView> getChatPools() {
        return chatPools.names().stream().map(chatPools::view).toList();
    }

    public List<PoolRow> getPools() {
        return poolRows;
    }

    public List<SiteRow> getSites() {
        return sites;
    }

    public List<LisRow> getLisBackups() {
        return lisBackups;
    }

    public List<JobView> getRunningJobs() {
        return runningJobs;
    }
}
