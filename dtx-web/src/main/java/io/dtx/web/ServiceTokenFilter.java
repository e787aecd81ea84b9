package io.dtx.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
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

    /**
     * An internal path, such as {@code /pay/recharges/{txNo}}: every HTTP method on it needs the
     * token (HEAD and OPTIONS too, which Spring answers by itself for any GET or POST mapping),
     * except the methods named public here.
     *
     * @param pattern       a Spring path pattern
     * @param publicMethods methods that stay open on this path, e.g. {@code POST} to take a recharge
     */
    public record InternalPath(String pattern, Set<String> publicMethods) {

        public InternalPath {
            publicMethods =
                    publicMethods.stream().map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        }

        /** Every method on the path needs the token. */
        public static InternalPath everyMethod(String pattern) {
            return new InternalPath(pattern, Set.of());
        }

        /** Every method but {@code publicMethods} needs the token. */
        public static InternalPath everyMethodExcept(String pattern, String... publicMethods) {
            return new InternalPath(pattern, Set.of(publicMethods));
        }
    }

    private final byte[] expected;
    private final List<InternalPath> internal;
    private final List<PathPattern> patterns;

    public ServiceTokenFilter(String token, List<InternalPath> internal) {
        if (token == null || token.strip().length() < MIN_TOKEN_LENGTH) {
            throw new IllegalStateException(
                    "dtx.security.service-token (environment variable DTX_SERVICE_TOKEN) must be set to a secret"
                            + " of at least " + MIN_TOKEN_LENGTH + " characters shared by both services;"
                            + " ./dtx generates one, docker compose reads it from .env");
        }
        this.expected = ("Bearer " + token.strip()).getBytes(StandardCharsets.UTF_8);
        this.internal = List.copyOf(internal);
        this.patterns = internal.stream()
                .map(e -> PathPatternParser.defaultInstance.parse(e.pattern()))
                .toList();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(
                request.getRequestURI().substring(request.getContextPath().length()));
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        for (int i = 0; i < internal.size(); i++) {
            if (patterns.get(i).matches(path)
                    && !internal.get(i).publicMethods().contains(method)) {
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
