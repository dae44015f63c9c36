/** Test-only library the test EAR adds to the product: fault injection, crash points, the benchmark baselines. */
package org.failback.testhooks;
