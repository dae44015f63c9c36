/** Adapters of the database-administration port: real H2 (embedded default) and real T-SQL on SQL Server. */
package org.failback.batch.infrastructure.dbadmin;
