package org.failback.domain.chat;

/** No Persistent Chat pool or room has that name. */
public class ChatNotFoundException extends RuntimeException {

    public ChatNotFoundException(String message) {
        super(message);
    }
}
