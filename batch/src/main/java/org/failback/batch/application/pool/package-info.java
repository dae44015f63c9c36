/** Use cases of the Front End pools: plan, start, restart, stop and abandon their jobs, and create topology. */
package org.failback.batch.application.pool;
