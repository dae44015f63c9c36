/** Log shipping of managed databases between SQL instances: configuration, rounds, monitor, schedule. */
package org.failback.batch.application.logshipping;
