package io.dtx.relay.web;

import io.dtx.web.ProblemBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Naming the environment of a kept payment publishes a signed credit there: a person's decision,
 * not any service's. The service token every internal endpoint takes is held by the pay and
 * account services and the notifier too; this endpoint also needs the operator's own token
 * ({@code RELAY_OPERATOR_TOKEN}) in the {@value #HEADER} header. With none configured, nobody
 * can route by hand (403), and compensation still publishes what a route maps.
 */
final class OperatorTokenFilter extends OncePerRequestFilter {

    static final String HEADER = "Dtx-Operator-Token";
    private static final int MIN_LENGTH = 24;
    private static final PathPattern ROUTE = PathPatternParser.defaultInstance.parse("/relay/exceptions/{txNo}/route");

    /** Null: routing by hand is off. */
    private final byte[] expected;

    OperatorTokenFilter(String token) {
        if (token == null || token.isBlank()) {
            expected = null;
        } else if (token.strip().length() < MIN_LENGTH) {
            throw new IllegalStateException("RELAY_OPERATOR_TOKEN must be a secret of at least " + MIN_LENGTH
                    + " characters, or empty (nobody routes a kept payment by hand)");
        } else {
            expected = token.strip().getBytes(StandardCharsets.UTF_8);
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ROUTE.matches(PathContainer.parsePath(
                request.getRequestURI().substring(request.getContextPath().length())));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (expected == null) {
            ProblemBody.write(
                    response,
                    HttpServletResponse.SC_FORBIDDEN,
                    "Routing by hand is off",
                    "Set RELAY_OPERATOR_TOKEN on the relay to let a person name a kept payment's environment.",
                    request.getRequestURI());
            return;
        }
        String presented = request.getHeader(HEADER);
        // Constant-time comparison, as for the service token.
        if (presented != null && MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))) {
            chain.doFilter(request, response);
            return;
        }
        ProblemBody.write(
                response,
                HttpServletResponse.SC_UNAUTHORIZED,
                "Operator token required",
                "Naming a kept payment's environment is a person's decision: send the operator's token as '" + HEADER
                        + ": <token>'.",
                request.getRequestURI());
    }
}
