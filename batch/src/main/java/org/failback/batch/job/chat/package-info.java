/** The batch artifacts of the pchat-failover and pchat-failback jobs: one batchlet per runbook step, and the listener. */
package org.failback.batch.job.chat;
