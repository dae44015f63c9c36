/** Baselines of the failback benchmark (plain JDBC loop, set-based SQL), reachable only through the test hooks. */
package org.failback.batch.bench;
