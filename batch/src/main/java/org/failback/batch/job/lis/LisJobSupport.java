package org.failback.batch.job.lis;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import java.util.Properties;
import org.failback.batch.infrastructure.dbadmin.LoggingOperationLog;
import org.failback.batch.infrastructure.jobs.JobLog;
import org.failback.domain.pool.PoolName;

/** What the LIS batchlets share: reading a pool from a batch property or job parameter, and the job's operation log. */
final class LisJobSupport {

    private LisJobSupport() {}

    /** The batch property when the step sets it, else the job parameter of the same name; null when neither. */
    static String property(JobContext job, String value, String name) {
        if (value != null && !value.isBlank()) {
            return value.strip();
        }
        Properties parameters = BatchRuntime.getJobOperator().getParameters(job.getExecutionId());
        String parameter = parameters == null ? null : parameters.getProperty(name);
        return parameter == null || parameter.isBlank() ? null : parameter.strip();
    }

    static PoolName requiredPool(JobContext job, String value, String name) {
        String pool = property(job, value, name);
        if (pool == null) {
            throw new IllegalArgumentException(
                    "job " + job.getJobName() + " needs the parameter '" + name + "' (a Front End pool name)");
        }
        return PoolName.of(pool);
    }

    /** Every operation goes to the job's own log (GET /api/jobs/{id}/log) and the server log. */
    static LoggingOperationLog log(JobContext job, String step, JobLog jobLog) {
        long execution = job.getExecutionId();
        return new LoggingOperationLog(
                "[" + job.getJobName() + " #" + execution + " " + step + "] ",
                line -> jobLog.log(execution, step, line));
    }

    /** A step's exit status is a short column in the job repository. */
    static String exitStatus(String text) {
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }
}
