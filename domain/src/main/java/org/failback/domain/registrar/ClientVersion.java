package org.failback.domain.registrar;

/** The client a user signs in with; Office Communicator 2007 R2 is refused until the home pool is back to normal. */
public enum ClientVersion {
    LYNC_2013,
    LYNC_2010,
    OC_2007_R2
}
