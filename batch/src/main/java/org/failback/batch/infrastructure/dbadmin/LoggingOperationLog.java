package org.failback.batch.infrastructure.dbadmin;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.failback.domain.dbadmin.DatabaseOperationLog;

/**
 * A sink that writes every issued operation to the server log with a prefix naming the job execution, keeps the
 * lines for the caller, and forwards them to an optional further sink (a job's own log).
 */
public class LoggingOperationLog implements DatabaseOperationLog {

    private static final Logger LOG = Logger.getLogger("org.failback.dbadmin");

    private final String prefix;
    private final Consumer<String> forward;
    private final List<String> lines = new ArrayList<>();

    public LoggingOperationLog(String prefix, Consumer<String> forward) {
        this.prefix = prefix;
        this.forward = forward;
    }

    public LoggingOperationLog(String prefix) {
        this(prefix, null);
    }

    @Override
    public synchronized void issued(String line) {
        lines.add(line);
        LOG.info(() -> prefix + line);
        if (forward != null) {
            forward.accept(line);
        }
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
