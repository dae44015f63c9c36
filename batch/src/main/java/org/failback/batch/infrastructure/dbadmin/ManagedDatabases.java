package org.failback.batch.infrastructure.dbadmin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.failback.batch.infrastructure.engine.DataDirectory;

/** The server's registry of database administrations: the data directory's instances, the server's command log. */
@ApplicationScoped
public class ManagedDatabases {

    @Inject
    CommandLogStore commandLog;

    public DatabaseAdministrations administrations() {
        return new DatabaseAdministrations(
                DataDirectory.root(),
                commandLog,
                new InstanceCredentials(DataDirectory.root().resolve("credentials.properties")));
    }
}
