package org.failback.domain.registrar;

/** No user has that SIP URI (or not on the pool asked about). */
public class UserNotFoundException extends RuntimeException {

    public UserNotFoundException(String message) {
        super(message);
    }

    public static UserNotFoundException of(SipUri sip) {
        return new UserNotFoundException("no user " + sip);
    }
}
