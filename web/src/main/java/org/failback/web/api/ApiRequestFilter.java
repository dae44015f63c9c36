package org.failback.web.api;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Locale;

/**
 * What every API request must be before a resource sees it. It is authenticated by its own Authorization header: the
 * portal's session cookie, which a browser adds to a request another site makes it send, never authorises an API call
 * (such a request is answered 401, and the health check is served as to anyone). A body is JSON, or the request is
 * refused with 415 before anything reads it (an HTML form or {@code text/plain} post from another site is never
 * acted on), and at most {@link #MAX_BODY} bytes (413, checked on the declared length and again while reading a
 * chunked body). {@code OPTIONS} answers only the authenticated.
 */
@WebFilter(urlPatterns = "/api/*", dispatcherTypes = DispatcherType.REQUEST)
public class ApiRequestFilter extends HttpFilter {

    public static final long MAX_BODY = 256 * 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean headerAuthenticated = request.getHeader("Authorization") != null;
        HttpServletRequest caller = request;
        if (!headerAuthenticated && request.getUserPrincipal() != null) {
            if (!isHealthCheck(request)) {
                ApiAnswers.write(
                        response,
                        401,
                        "UNAUTHORIZED",
                        "the API takes credentials in the Authorization header" + " only, not the portal's session");
                return;
            }
            caller = new Anonymous(request);
        }
        if ("OPTIONS".equals(request.getMethod()) && caller.getUserPrincipal() == null) {
            ApiAnswers.write(response, 401, "UNAUTHORIZED", "credentials required");
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > MAX_BODY) {
            ApiAnswers.write(response, 413, "PAYLOAD_TOO_LARGE", "request bodies are at most " + MAX_BODY + " bytes");
            return;
        }
        boolean hasBody = declared > 0 || request.getHeader("Transfer-Encoding") != null;
        if (hasBody && !isJson(request.getContentType())) {
            ApiAnswers.write(response, 415, "UNSUPPORTED_MEDIA_TYPE", "request bodies must be application/json");
            return;
        }
        chain.doFilter(hasBody ? new LimitedBody(caller) : caller, response);
    }

    private static boolean isHealthCheck(HttpServletRequest request) {
        return "GET".equals(request.getMethod())
                && (request.getContextPath() + "/api/health").equals(request.getRequestURI());
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters))
                .trim()
                .toLowerCase(Locale.ROOT);
        return type.equals("application/json");
    }

    /** A request seen without the identity its session cookie carried. */
    private static final class Anonymous extends HttpServletRequestWrapper {
        Anonymous(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Principal getUserPrincipal() {
            return null;
        }

        @Override
        public String getRemoteUser() {
            return null;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public String getAuthType() {
            return null;
        }
    }

    /** A body that stops with {@link BodyTooLargeException} once more than {@link #MAX_BODY} bytes were read. */
    private static final class LimitedBody extends HttpServletRequestWrapper {
        private ServletInputStream limited;

        LimitedBody(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new Limited(super.getInputStream());
            }
            return limited;
        }
    }

    private static final class Limited extends ServletInputStream {
        private final ServletInputStream body;
        private long read;

        Limited(ServletInputStream body) {
            this.body = body;
        }

        @Override
        public int read() throws IOException {
            int b = body.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > MAX_BODY) {
                throw new BodyTooLargeException(MAX_BODY);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
