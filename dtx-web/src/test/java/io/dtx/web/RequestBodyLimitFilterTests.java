package io.dtx.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestBodyLimitFilterTests {

    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(16);

    @Test
    void declaredLengthOverTheLimitIs413WithAProblem() throws Exception {
        MockHttpServletRequest request = post("x".repeat(17));
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":413");
    }

    @Test
    void chunkedBodyIsCountedAndPassedOnWhenSmall() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        MockHttpServletRequest small = chunked("{\"a\":1}");
        MockHttpServletResponse ok = new MockHttpServletResponse();
        filter.doFilter(
                small,
                ok,
                (req, res) -> seen.set(new String(
                        ((HttpServletRequest) req).getInputStream().readAllBytes(), StandardCharsets.UTF_8)));
        assertThat(ok.getStatus()).isEqualTo(200);
        assertThat(seen.get()).isEqualTo("{\"a\":1}");

        MockHttpServletResponse refused = new MockHttpServletResponse();
        filter.doFilter(chunked("y".repeat(100)), refused, new MockFilterChain());
        assertThat(refused.getStatus()).isEqualTo(413);
    }

    @Test
    void smallBodyPassesUntouched() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(post("{}"), response, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(200);
    }

    private static MockHttpServletRequest post(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/pay/recharges");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    /** No Content-Length, as a chunked request arrives. */
    private static MockHttpServletRequest chunked(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/pay/recharges") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        request.addHeader("Transfer-Encoding", "chunked");
        return request;
    }
}
