package org.failback.web.api;

import java.io.IOException;

/** Thrown while a request body is read past the API's limit; answered 413 PAYLOAD_TOO_LARGE. */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
    }

    public ApiException refusal() {
        return new ApiException(413, "PAYLOAD_TOO_LARGE", getMessage());
    }
}
