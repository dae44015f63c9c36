/** Creating topology (sites, pools, homed users) in bulk, and the demo topology. */
package org.failback.batch.pool;
