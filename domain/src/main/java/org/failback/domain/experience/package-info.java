/** What a user may do during an outage, failover and failback, and which pool serves them (seed 000): plain JDK, no state. */
package org.failback.domain.experience;
