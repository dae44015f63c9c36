package org.failback.batch.job.registrar;

import org.failback.domain.registrar.Registration;

/** One user as read by the Front End jobs: the registration plus the SIP URI for logs and fault injection. */
public record UserRow(Registration registration, String sip) {}
