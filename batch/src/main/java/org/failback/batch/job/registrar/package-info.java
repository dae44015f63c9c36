/** Job artifacts of the per-user chunk steps of failover and failback: keyset reader, domain transition, batched writer, skips. */
package org.failback.batch.job.registrar;
