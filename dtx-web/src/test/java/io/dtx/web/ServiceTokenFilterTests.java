package io.dtx.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dtx.web.ServiceTokenFilter.InternalPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ServiceTokenFilterTests {

    private static final String TOKEN = "a-service-token-of-enough-length-123";

    private final ServiceTokenFilter filter = new ServiceTokenFilter(
            TOKEN,
            List.of(
                    InternalPath.everyMethodExcept("/pay/recharges", "POST"),
                    InternalPath.everyMethod("/pay/recharges/{txNo}")));

    @Test
    void internalEndpointWithoutTokenIs401WithAProblem() throws Exception {
        MockHttpServletResponse response = call("GET", "/pay/recharges/abc", null);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":401", "\"instance\":\"/pay/recharges/abc\"");
        assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void wrongTokenIs401AndTheRightOnePasses() throws Exception {
        assertThat(call("GET", "/pay/recharges", "Bearer " + TOKEN + "x").getStatus())
                .isEqualTo(401);
        assertThat(call("GET", "/pay/recharges", TOKEN).getStatus())
                .as("no Bearer prefix")
                .isEqualTo(401);
        assertThat(call("GET", "/pay/recharges", "Bearer " + TOKEN).getStatus()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HEAD", "OPTIONS", "PUT", "DELETE", "PATCH", "TRACE", "head", "Get"})
    void everyOtherMethodOnAnInternalPathNeedsTheTokenToo(String method) throws Exception {
        assertThat(call(method, "/pay/recharges/abc", null).getStatus())
                .as(method)
                .isEqualTo(401);
        assertThat(call(method, "/pay/recharges", null).getStatus()).as(method).isEqualTo(401);
    }

    @Test
    void publicEndpointsNeedNoToken() throws Exception {
        assertThat(call("POST", "/pay/recharges", null).getStatus())
                .as("taking a recharge is public")
                .isEqualTo(200);
        assertThat(call("GET", "/actuator/health", null).getStatus()).isEqualTo(200);
    }

    @Test
    void aServiceWithoutATokenRefusesToStart() {
        assertThatThrownBy(() -> new ServiceTokenFilter("", List.of())).hasMessageContaining("DTX_SERVICE_TOKEN");
        assertThatThrownBy(() -> new ServiceTokenFilter("short", List.of())).hasMessageContaining("at least");
    }

    @Test
    void problemJsonEscapesWhatTheCallerSent() {
        assertThat(ProblemBody.quote("a\"b\\c\nd")).isEqualTo("\"a\\\"b\\\\c\\u000ad\"");
    }

    private MockHttpServletResponse call(String method, String path, String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
