package io.dtx.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses URLs with path parameters ({@code /accounts/1;select 1}) with 400. The servlet
 * container silently strips everything after a {@code ;} in a path segment, so such a request
 * would be served as {@code /accounts/1}: a path that means something else than it says is how
 * filters and rules get bypassed, and no endpoint here has any use for it.
 */
public final class NoPathParametersFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getRequestURI().indexOf(';') >= 0) {
            ProblemBody.write(
                    response,
                    HttpServletResponse.SC_BAD_REQUEST,
                    "Invalid request",
                    "Path parameters (';' in the path) are not accepted.",
                    request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }
}
