package org.failback.web.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers that keep every answer out of frames, content sniffing and other sites' referrer logs. Faces pages get their
 * Content-Security-Policy from PrimeFaces (web.xml {@code primefaces.CSP_POLICY}), which adds the nonce of the page's
 * scripts; everything else gets the same policy without scripts. FORWARD too: the container's login challenge forwards
 * to the login form before any filter sees the request.
 */
@WebFilter(
        urlPatterns = "/*",
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    static final String POLICY_WITHOUT_SCRIPTS =
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
                    + " font-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none';"
                    + " script-src 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!isFacesPage(path)) {
            response.setHeader("Content-Security-Policy", POLICY_WITHOUT_SCRIPTS);
        }
        chain.doFilter(request, response);
    }

    private static boolean isFacesPage(String path) {
        return path.equals("/") || (path.endsWith(".xhtml") && !path.startsWith("/jakarta.faces.resource/"));
    }
}
