/** Sites and Front End pools paired with a backup pool, and the pool's failover/failback state machine. */
package org.failback.domain.pool;
