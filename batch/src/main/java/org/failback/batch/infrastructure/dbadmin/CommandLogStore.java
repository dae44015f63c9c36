package org.failback.batch.infrastructure.dbadmin;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import javax.sql.DataSource;
import org.failback.domain.dbadmin.CommandLog;

/**
 * The command log in the server: each write in a transaction of its own ({@code REQUIRES_NEW}), so a row stays
 * when the work that issued the command rolls back.
 */
@ApplicationScoped
public class CommandLogStore implements CommandLog {

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long started(Command command) {
        return new JdbcCommandLog(dataSource).started(command);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void completed(long id, Integer errorNumber, String errorMessage) {
        new JdbcCommandLog(dataSource).completed(id, errorNumber, errorMessage);
    }

    public List<JdbcCommandLog.Entry> find(JdbcCommandLog.Filter filter) {
        return new JdbcCommandLog(dataSource).find(filter);
    }
}
