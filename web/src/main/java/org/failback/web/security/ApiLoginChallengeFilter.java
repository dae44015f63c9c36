package org.failback.web.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.failback.web.api.ApiAnswers;

/**
 * A failed BASIC login on the API makes the container answer with every mechanism's challenge, the portal's form
 * among them: it keeps the request in a new session and forwards to the login page. An API caller gets the API's 401
 * instead, and the session made for it is dropped again.
 */
@WebFilter(urlPatterns = "/login.xhtml", dispatcherTypes = DispatcherType.FORWARD)
public class ApiLoginChallengeFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Object original = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        if (!(original instanceof String uri) || !uri.startsWith(request.getContextPath() + "/api/")) {
            chain.doFilter(request, response);
            return;
        }
        HttpSession made = request.getSession(false);
        if (made != null) {
            made.invalidate();
        }
        ApiAnswers.write(response, 401, "UNAUTHORIZED", "credentials required");
    }
}
