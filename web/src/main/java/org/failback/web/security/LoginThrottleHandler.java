package org.failback.web.security;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.handlers.ServletRequestContext;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import jakarta.servlet.ServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.failback.batch.infrastructure.security.FailedLoginLog;

/**
 * Runs before the container checks a password (BASIC on any request, the portal's {@code j_security_check}): a pair
 * of source and account that failed too often is answered 429 TOO_MANY_REQUESTS with Retry-After and its password is
 * not checked; after the check a failure is counted, logged (account, source, time, never the password) and recorded
 * for the portal, and a success clears the pair. Every failure is answered no sooner than {@link #FAILURE_FLOOR}
 * after it arrived, so an unknown account (no digest to compute) and a wrong password take the same time.
 */
final class LoginThrottleHandler implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(LoginThrottleHandler.class.getName());
    static final Duration FAILURE_FLOOR = Duration.ofMillis(300);

    private final HttpHandler next;
    private final LoginAttempts attempts;
    private final ClientAddress addresses;
    private final FailedLoginLog audit;

    LoginThrottleHandler(HttpHandler next, LoginAttempts attempts, ClientAddress addresses, FailedLoginLog audit) {
        this.next = next;
        this.attempts = attempts;
        this.addresses = addresses;
        this.audit = audit;
    }

    private record Attempt(String account, String channel) {}

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        Attempt attempt = attemptOf(exchange);
        if (attempt == null) {
            next.handleRequest(exchange);
            return;
        }
        String source = addresses.of(exchange.getSourceAddress().getAddress().getHostAddress(), forwardedFor(exchange));
        Instant arrived = Instant.now();
        Duration wait = attempts.waitBefore(source, attempt.account(), arrived);
        if (!wait.isZero()) {
            LOG.warning("login throttled: account '" + FailedLoginLog.printable(attempt.account()) + "' from " + source
                    + " via " + attempt.channel() + " at " + arrived + " (retry in " + wait.toSeconds() + " s)");
            refuse(exchange, wait);
            return;
        }
        long started = System.nanoTime();
        // Judged when the answer is about to leave, not after the chain returns: by then the container may have sent
        // it, and the failure's log line, record and delay must come first.
        AtomicBoolean judged = new AtomicBoolean();
        exchange.addResponseCommitListener(committing -> {
            if (judged.compareAndSet(false, true)) {
                judge(committing, attempt, source, arrived, started);
            }
        });
        next.handleRequest(exchange);
    }

    private void judge(HttpServerExchange exchange, Attempt attempt, String source, Instant arrived, long started) {
        boolean authenticated = exchange.getSecurityContext() != null
                && exchange.getSecurityContext().isAuthenticated();
        if (authenticated) {
            attempts.succeeded(source, attempt.account());
            return;
        }
        int inARow = attempts.failed(source, attempt.account(), arrived);
        LOG.warning("failed login: account '" + FailedLoginLog.printable(attempt.account()) + "' from " + source
                + " via " + attempt.channel() + " at " + arrived + " (" + inARow + " in a row from there)");
        audit.record(attempt.account(), source, attempt.channel(), arrived);
        long left = FAILURE_FLOOR.toNanos() - (System.nanoTime() - started);
        if (left > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static List<String> forwardedFor(HttpServerExchange exchange) {
        HeaderValues values = exchange.getRequestHeaders().get(Headers.X_FORWARDED_FOR);
        return values == null ? List.of() : new ArrayList<>(values);
    }

    private static Attempt attemptOf(HttpServerExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(
                        Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return new Attempt(colon < 0 ? decoded : decoded.substring(0, colon), "BASIC");
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if (exchange.getRequestMethod().equals(Methods.POST)
                && exchange.getRelativePath().endsWith("/j_security_check")) {
            ServletRequestContext context = exchange.getAttachment(ServletRequestContext.ATTACHMENT_KEY);
            ServletRequest request = context == null ? null : context.getServletRequest();
            String account = request == null ? null : request.getParameter("j_username");
            return new Attempt(account == null ? "" : account, "FORM");
        }
        return null;
    }

    private static void refuse(HttpServerExchange exchange, Duration wait) {
        exchange.setStatusCode(429);
        exchange.getResponseHeaders().put(Headers.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())));
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        boolean api = exchange.getRelativePath().startsWith("/api/");
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, api ? "application/json" : "text/html; charset=UTF-8");
        exchange.getResponseSender()
                .send(
                        api
                                ? "{\"code\":\"TOO_MANY_REQUESTS\",\"message\":\"too many failed logins from this address"
                                        + " for this account; retry in " + Math.max(1, wait.toSeconds()) + " s\"}"
                                : "<!DOCTYPE html><html lang=\"en\"><head><title>Too many attempts</title></head><body>"
                                        + "<h1>Too many failed sign-ins</h1><p id=\"throttled\">Too many failed sign-ins"
                                        + " from this address for this account. Try again in "
                                        + Math.max(1, wait.toSeconds())
                                        + " seconds.</p><p><a href=\"./\">Sign in</a></p></body></html>");
    }
}
