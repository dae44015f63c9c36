package org.failback.batch.job.registrar;

import jakarta.annotation.Resource;
import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.failback.batch.infrastructure.jobs.JobLog;
import org.failback.domain.registrar.FailbackStatus;
import org.failback.domain.registrar.Registration;

/** A user the step could not move is marked FAILED with the reason; a later restart of the job picks it up again. */
@Named
public class UserSkipListener implements SkipProcessListener {

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    JobLog log;

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    @Override
    public void onSkipProcessItem(Object item, Exception cause) throws Exception {
        UserRow user = (UserRow) item;
        Registration before = user.registration();
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection();
                PreparedStatement fail = c.prepareStatement(
                        "UPDATE registrar_user SET failback_status = 'FAILED', error = ?, updated_at = ?,"
                                + " version = version + 1 WHERE id = ? AND failback_status = ?")) {
            fail.setString(1, reason.length() > 500 ? reason.substring(0, 500) : reason);
            fail.setTimestamp(2, now);
            fail.setLong(3, before.userId());
            fail.setString(4, before.status().name());
            if (fail.executeUpdate() == 1 && before.status() != FailbackStatus.FAILED) {
                Registration failed = new Registration(
                        before.userId(),
                        before.homePoolId(),
                        FailbackStatus.FAILED,
                        before.signedIn(),
                        before.servingPoolId(),
                        before.mode());
                TransitionLog.record(c, job.getExecutionId(), List.of(new UserChange(before, failed, user.sip())), now);
            }
        }
        log.log(
                job.getExecutionId(),
                step.getStepName(),
                "SKIP " + user.sip() + ": " + reason + " (marked FAILED; restart the job to retry)");
    }
}
