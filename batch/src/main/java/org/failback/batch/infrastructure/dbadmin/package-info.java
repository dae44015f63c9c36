/** Engine adapters of the database-administration port (H2, SQL Server), their command log and instance registry. */
package org.failback.batch.infrastructure.dbadmin;
