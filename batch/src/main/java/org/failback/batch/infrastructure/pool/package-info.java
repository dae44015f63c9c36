/** Batched JDBC that creates topology: sites, pools, their pairing and homed users. */
package org.failback.batch.infrastructure.pool;
