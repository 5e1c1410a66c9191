package org.vpspanel.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login form posted from another site. Vaadin's login view posts without a CSRF token, so without
 * this another site could log a visitor into an account of its choosing (login CSRF). Browsers send Origin
 * (or at least Referer) with every form post; a post that names another host is refused.
 */
class SameOriginLogin extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && (request.getContextPath() + "/login").equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin") != null ? request.getHeader("Origin") : request.getHeader("Referer");
        if (origin != null && !sameHost(origin, request.getHeader("Host"))) {
            // Not sendError: its error page would itself ask for a login and turn the refusal into a redirect.
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("A login form posted from another site is refused.\n");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean sameHost(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && host.equalsIgnoreCase(authority);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
