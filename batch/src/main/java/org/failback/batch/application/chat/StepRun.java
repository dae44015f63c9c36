package org.failback.batch.application.chat;

import java.sql.Connection;
import java.util.Properties;
import org.failback.batch.infrastructure.dbadmin.DatabaseAdministrations;
import org.failback.domain.dbadmin.DatabaseOperationLog;

/** What one execution of a pchat step works with: the product database, the instances, its job and its log. */
public record StepRun(
        Connection product,
        DatabaseAdministrations admins,
        String pool,
        long jobInstanceId,
        long jobExecutionId,
        Properties parameters,
        DatabaseOperationLog log) {}
