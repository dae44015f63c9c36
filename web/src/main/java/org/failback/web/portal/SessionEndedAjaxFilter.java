package org.failback.web.portal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * When a page's session has ended (timeout, server restart), the container answers its next ajax request — a poll,
 * a button — by forwarding to the login form. Faces cannot put a whole HTML page into a partial update, so the page
 * would quietly stop updating while still showing what it last knew. Such a request is answered with a partial
 * response that reloads the page instead: the browser shows the login form at the page's own address, and signing
 * in returns the operator to that page.
 */
@WebFilter(urlPatterns = "/login.xhtml", dispatcherTypes = DispatcherType.FORWARD)
public class SessionEndedAjaxFilter extends HttpFilter {

    private static final String RELOAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<partial-response><changes><eval><![CDATA[window.location.reload();]]></eval></changes></partial-response>";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"partial/ajax".equals(request.getHeader("Faces-Request"))) {
            chain.doFilter(request, response);
            return;
        }
        // The container kept this ajax request in a new session, to replay it after sign-in; replayed, it would show
        // the operator a partial-response document. Dropped, the reload below is what sign-in returns to.
        HttpSession pending = request.getSession(false);
        if (pending != null) {
            pending.invalidate();
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/xml");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(RELOAD);
    }
}
