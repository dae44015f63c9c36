/** The Jobs API and the failover/failback starts of the Front End pools. */
package org.failback.web.jobs;
