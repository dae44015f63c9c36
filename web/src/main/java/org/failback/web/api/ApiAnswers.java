package org.failback.web.api;

import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** API errors written by servlet filters, where JAX-RS has not started yet: the same {@code {code, message}}. */
public final class ApiAnswers {

    /** Looked up once: each {@code Json} factory call looks the provider up through the service loader. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private ApiAnswers() {}

    public static void write(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"pool-failback\"");
        }
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write(JSON.createObjectBuilder()
                        .add("code", code)
                        .add("message", message)
                        .build()
                        .toString());
    }
}
