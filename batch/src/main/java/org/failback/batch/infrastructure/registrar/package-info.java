/** JDBC over the registrar's users that the jobs and their plans count and page with. */
package org.failback.batch.infrastructure.registrar;
