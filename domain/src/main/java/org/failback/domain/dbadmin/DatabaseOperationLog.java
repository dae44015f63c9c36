package org.failback.domain.dbadmin;

/**
 * Where an adapter reports every operation it issues, one line each naming it ({@code BACKUP DATABASE [mgc] …},
 * {@code RESTORE …}); jobs pass a sink that writes the job's own log.
 */
@FunctionalInterface
public interface DatabaseOperationLog {

    DatabaseOperationLog NONE = line -> {};

    void issued(String line);
}
