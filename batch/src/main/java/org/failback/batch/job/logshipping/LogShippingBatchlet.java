package org.failback.batch.job.logshipping;

import java.sql.Connection;
import java.util.Properties;
import org.failback.batch.application.logshipping.LogShippingService;
import org.failback.batch.infrastructure.dbadmin.LoggingOperationLog;
import org.failback.batch.job.dbadmin.ManagedDatabaseStep;

/** What every step of a log-shipping round shares: the chat pool (job parameter {@code pool}) and the service. */
public abstract class LogShippingBatchlet extends ManagedDatabaseStep {

    @Override
    protected String run(Connection product, Properties parameters, LoggingOperationLog log) throws Exception {
        String pool = parameters.getProperty("pool");
        if (pool == null || pool.isBlank()) {
            throw new IllegalArgumentException("job log-shipping needs the parameter 'pool' (a chat pool name)");
        }
        return run(new LogShippingService(product, databases.administrations()), pool, log);
    }

    protected abstract String run(LogShippingService service, String pool, LoggingOperationLog log) throws Exception;
}
