package org.failback.batch.application.jobs;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The product's jobs, by the names of their job XML (META-INF/batch-jobs). Their steps are read from that XML, so a
 * plan or a page that lists them cannot drift from what the job runs.
 */
public enum PoolJob {
    FAILOVER("pool-failover", true),
    FAILBACK("pool-failback", true),
    /** Only reads the pool's LIS database: runs beside a failover, and takes no lock, also when restarted. */
    LIS_BACKUP("lis-backup", false),
    LIS_RESTORE("lis-restore", true);

    private final String jobName;
    private final boolean locksPools;

    PoolJob(String jobName, boolean locksPools) {
        this.jobName = jobName;
        this.locksPools = locksPools;
    }

    /** Whether the job changes its pools and so runs under their locks (and its restart takes them again). */
    public boolean locksPools() {
        return locksPools;
    }

    /** The job XML name, as JobOperator.start and the API's jobName know it. */
    public String jobName() {
        return jobName;
    }

    /** The ids of the job's steps in the order the job XML declares them. */
    public List<String> steps() {
        return JobXml.steps(jobName);
    }

    public static Optional<PoolJob> named(String jobName) {
        return Arrays.stream(values()).filter(j -> j.jobName.equals(jobName)).findFirst();
    }

    @Override
    public String toString() {
        return jobName;
    }
}
