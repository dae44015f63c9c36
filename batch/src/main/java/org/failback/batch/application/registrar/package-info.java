/** Reports over the registrar's per-user records: the transition audit that proves exactly-once. */
package org.failback.batch.application.registrar;
