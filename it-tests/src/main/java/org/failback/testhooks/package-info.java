/** Test-only library the test EAR adds to the product: fault injection and the failback benchmark baselines. */
package org.failback.testhooks;
