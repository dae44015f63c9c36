package org.failback.batch.infrastructure.jobs;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * When each step of an execution started, as the JDBC job repository recorded it. JBeret 3.1 resets the start time
 * of a partitioned step's in-memory StepExecution when its partitions end (it sets the consolidated status STARTED
 * again, and that setter stamps the start), so while an execution is cached in this JVM the operator's
 * StepExecution shows a partitioned step starting when it ended; the row it inserted at the step's start is right.
 */
@ApplicationScoped
public class StepStartTimes {

    private static final Logger LOG = Logger.getLogger(StepStartTimes.class.getName());

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    /**
     * Start instants by step execution id (JBeret's STEP_EXECUTION has these names in its H2 and SQL Server DDL alike);
     * empty when the repository cannot be read (callers keep JBeret's). */
    public Map<Long, Instant> of(long jobExecutionId) {
        Map<Long, Instant> started = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement(
                        "SELECT STEPEXECUTIONID, STARTTIME FROM STEP_EXECUTION WHERE JOBEXECUTIONID = ?")) {
            query.setLong(1, jobExecutionId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    Timestamp at = rs.getTimestamp(2);
                    if (at != null) {
                        started.put(rs.getLong(1), at.toInstant());
                    }
                }
            }
        } catch (SQLException e) {
            LOG.log(
                    Level.FINE,
                    "step start times of execution " + jobExecutionId + " not read from the job repository",
                    e);
        }
        return started;
    }
}
