/** Job artifacts every pool job shares: the pool-state batchlet and the listener that releases the pool locks. */
package org.failback.batch.job.pool;
