package org.failback.web.portal;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.failback.batch.application.lis.LisAdministration;
import org.failback.batch.application.lis.LisJobs;
import org.failback.batch.infrastructure.lis.StoredBackup;
import org.failback.domain.lis.LisBackupSchedule;
import org.failback.domain.pool.PoolName;

/**
 * The LIS page of one pool: its backups with checksum and verification, the backup schedule and retention, and
 * (operator) a backup now or a new schedule. The LIS database is not replicated: these backups are what failover
 * restores into the backup pool.
 */
@Named
@ViewScoped
public class LisPage implements Serializable {

    @Inject
    PortalUser user;

    @Inject
    LisJobs jobs;

    @Inject
    LisAdministration lis;

    private String name;
    private boolean found;
    private List<StoredBackup> backups = List.of();
    private LisBackupSchedule schedule;
    private long locations;
    private Integer everyMinutes;
    private Integer keep;
    private Long lastJob;

    public void open() {
        try {
            PoolName pool = PoolName.of(name == null ? "" : name);
            found = lis.poolExists(pool);
            if (!found) {
                return;
            }
            backups = lis.backups(pool);
            schedule = lis.schedule(pool).orElse(null);
            locations = lis.locationCount(pool);
            if (schedule != null && everyMinutes == null) {
                everyMinutes = schedule.everyMinutes();
                keep = schedule.keep();
            }
        } catch (IllegalArgumentException e) {
            found = false;
        }
    }

    public void backupNow() {
        user.requireOperator();
        Messages.attempt("LIS backup", () -> {
            lastJob = jobs.startBackup(PoolName.of(name), user.getName());
            return "LIS backup of " + name + " started (job " + lastJob + ")";
        });
        open();
    }

    public void saveSchedule() {
        user.requireOperator();
        try {
            if (everyMinutes == null || keep == null) {
                throw new IllegalArgumentException("every minutes and keep are both required");
            }
            lis.saveSchedule(new LisBackupSchedule(PoolName.of(name).value(), everyMinutes, keep, Instant.now()));
            Messages.info("LIS backups of " + name + " every " + everyMinutes + " min, keeping " + keep);
        } catch (IllegalArgumentException e) {
            Messages.error("Schedule refused: " + e.getMessage());
        }
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

    public List<StoredBackup> getBackups() {
        return backups;
    }

    public LisBackupSchedule getSchedule() {
        return schedule;
    }

    public long getLocations() {
        return locations;
    }

    public Integer getEveryMinutes() {
        return everyMinutes;
    }

    public void setEveryMinutes(Integer everyMinutes) {
        this.everyMinutes = everyMinutes;
    }

    public Integer getKeep() {
        return keep;
    }

    public void setKeep(Integer keep) {
        this.keep = keep;
    }

    public Long getLastJob() {
        return lastJob;
    }
}
