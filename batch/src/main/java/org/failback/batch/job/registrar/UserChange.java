package org.failback.batch.job.registrar;

import org.failback.domain.registrar.Registration;

/** What the processor decided for one user: the registration before and after. */
public record UserChange(Registration before, Registration after, String sip) {}
