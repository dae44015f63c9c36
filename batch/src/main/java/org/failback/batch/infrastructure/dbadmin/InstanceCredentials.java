package org.failback.batch.infrastructure.dbadmin;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * The login of a SQL Server instance, never kept in the topology: the environment ({@code
 * FAILBACK_SQL_<KEY>_USER}, {@code FAILBACK_SQL_<KEY>_PASSWORD}) first, else the credentials file ({@code
 * sql.<key>.username}, {@code sql.<key>.password}).
 */
public final class InstanceCredentials {

    private final Path credentialsFile;

    public InstanceCredentials(Path credentialsFile) {
        this.credentialsFile = credentialsFile;
    }

    public record Login(String user, String password) {
        @Override
        public String toString() {
            return "Login[" + user + ", password hidden]";
        }
    }

    /**
     * The JDBC URL an instance is pointed at, when one is configured: {@code FAILBACK_SQL_<KEY>_URL} or {@code
     * sql.<key>.url}; such an instance is a SQL Server, else it stays embedded.
     */
    public java.util.Optional<String> url(String key) {
        String env = System.getenv("FAILBACK_SQL_" + key.toUpperCase(Locale.ROOT) + "_URL");
        if (env != null && !env.isBlank()) {
            return java.util.Optional.of(env.strip());
        }
        return java.util.Optional.ofNullable(file().getProperty("sql." + key + ".url"))
                .map(String::strip);
    }

    /** The credentials key of an instance: its name with '-' as '_' ({@code sql-dc1} → {@code sql_dc1}). */
    public static String keyOf(org.failback.domain.dbadmin.InstanceName instance) {
        return instance.value().replace('-', '_');
    }

    private Properties file() {
        Properties file = new Properties();
        if (Files.isReadable(credentialsFile)) {
            try (Reader in = Files.newBufferedReader(credentialsFile)) {
                file.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + credentialsFile + ": " + e.getMessage(), e);
            }
        }
        return file;
    }

    public Login of(String key) {
        String env = "FAILBACK_SQL_" + key.toUpperCase(Locale.ROOT) + "_";
        String user = System.getenv(env + "USER");
        String password = System.getenv(env + "PASSWORD");
        if (user != null && password != null) {
            return new Login(user, password);
        }
        Properties file = file();
        user = file.getProperty("sql." + key + ".username");
        password = file.getProperty("sql." + key + ".password");
        if (user == null || password == null) {
            throw new IllegalStateException("no login for SQL instance credentials '" + key + "': set " + env
                    + "USER and " + env + "PASSWORD, or sql." + key + ".username and sql." + key
                    + ".password in " + credentialsFile);
        }
        return new Login(user, password);
    }
}
