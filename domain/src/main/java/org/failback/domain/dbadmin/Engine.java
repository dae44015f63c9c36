package org.failback.domain.dbadmin;

/** The database engine a SQL instance runs: the embedded default or a real SQL Server. */
public enum Engine {
    /** Each instance is its own set of H2 file databases under the data directory. */
    H2,
    /** A SQL Server reached by a JDBC URL, with credentials from the environment or the credentials file. */
    SQL_SERVER
}
