package io.dtx.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Internal endpoints (the pay side's query interface and reconciliation feed, the account side's
 * pull and reconciliation triggers) answer only callers that present the service token:
 * {@code Authorization: Bearer <token>}. Anyone else gets 401 with a problem body.
 *
 * <p>The token is a shared secret configured per environment ({@code DTX_SERVICE_TOKEN}); it is
 * never in the repository ({@code ./dtx} and the tests generate one per run, docker compose reads
 * it from {@code .env}). A service without one refuses to start rather than run its internal
 * endpoints open. A shared token is the basic step; mutual TLS or signed requests are the next.
 */
public final class ServiceTokenFilter extends OncePerRequestFilter {

    /** Long enough that guessing is hopeless; {@code ./dtx} generates 43 characters. */
    static final int MIN_TOKEN_LENGTH = 24;

    /** One protected endpoint: an HTTP method and a path pattern such as {@code /pay/recharges/*}. */
    public record Endpoint(String method, String pattern) {}

    private final byte[] expected;
    private final List<Endpoint> endpoints;
    private final List<PathPattern> patterns;

    public ServiceTokenFilter(String token, List<Endpoint> endpoints) {
        if (token == null || token.strip().length() < MIN_TOKEN_LENGTH) {
            throw new IllegalStateException(
                    "dtx.security.service-token (environment variable DTX_SERVICE_TOKEN) must be set to a secret"
                            + " of at least " + MIN_TOKEN_LENGTH + " characters shared by both services;"
                            + " ./dtx generates one, docker compose reads it from .env");
        }
        this.expected = ("Bearer " + token.strip()).getBytes(StandardCharsets.UTF_8);
        this.endpoints = List.copyOf(endpoints);
        this.patterns = endpoints.stream()
                .map(e -> PathPatternParser.defaultInstance.parse(e.pattern()))
                .toList();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(
                request.getRequestURI().substring(request.getContextPath().length()));
        for (int i = 0; i < endpoints.size(); i++) {
            if (endpoints.get(i).method().equalsIgnoreCase(request.getMethod())
                    && patterns.get(i).matches(path)) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HttpHeaders.AUTHORIZATION);
        // Constant-time comparison: the reply time must not reveal how much of a guess was right.
        if (presented != null && MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"dtx-internal\"");
        ProblemBody.write(
                response,
                HttpServletResponse.SC_UNAUTHORIZED,
                "Service token required",
                "This is an internal endpoint: send the service token as 'Authorization: Bearer <token>'.",
                request.getRequestURI());
    }
}
