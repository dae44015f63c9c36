package org.failback.domain.dbadmin;

import java.util.Objects;

/**
 * A SQL instance of the topology: its name, the site it stands in, its engine and, for SQL Server, where to reach
 * it. {@code credentialsKey} names the credentials (environment {@code FAILBACK_SQL_<KEY>_USER}/{@code _PASSWORD},
 * or {@code sql.<key>.username}/{@code .password} in the credentials file): the topology never holds a password.
 */
public record SqlInstance(InstanceName name, String site, Engine engine, String jdbcUrl, String credentialsKey) {

    public SqlInstance {
        Objects.requireNonNull(name, "instance name");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(engine, "engine");
        if (engine == Engine.SQL_SERVER && (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:sqlserver://"))) {
            throw new IllegalArgumentException(
                    "SQL Server instance " + name + " needs a jdbc:sqlserver:// URL, not '" + jdbcUrl + "'");
        }
        if (jdbcUrl != null && jdbcUrl.toLowerCase(java.util.Locale.ROOT).contains("password")) {
            throw new IllegalArgumentException("the JDBC URL of instance " + name
                    + " holds a password: give it as credentials (environment or credentials file) instead");
        }
        if (credentialsKey != null && !credentialsKey.matches("[a-z][a-z0-9_]{0,31}")) {
            throw new IllegalArgumentException("'" + Names.abbreviate(credentialsKey)
                    + "' is not a valid credentials key: lower-case letters, digits and '_'");
        }
    }

    public static SqlInstance embedded(InstanceName name, String site) {
        return new SqlInstance(name, site, Engine.H2, null, null);
    }
}
