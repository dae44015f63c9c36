/** Use cases over job executions: the product's jobs (PoolJob) and their steps, starts under pool locks, views with progress. */
package org.failback.batch.application.jobs;
