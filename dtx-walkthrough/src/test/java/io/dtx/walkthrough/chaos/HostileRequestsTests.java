package io.dtx.walkthrough.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostileRequestsTests {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final HostileRequests generator = new HostileRequests("http://pay", "http://account", "secret-token");

    @Test
    void theSameSeedDrawsTheSameRequests() {
        assertThat(shapes(generator.generate(7, 300))).hasSize(300).isEqualTo(shapes(generator.generate(7, 300)));
        assertThat(shapes(generator.generate(8, 300))).isNotEqualTo(shapes(generator.generate(7, 300)));
    }

    @Test
    void everyEndpointOfBothServicesIsAttackedInEveryWay() {
        List<HostileRequest> requests = generator.generate(1, 3000);

        assertThat(requests).extracting(HostileRequest::baseUrl).contains("http://pay", "http://account");
        assertThat(requests)
                .extracting(HostileRequest::category)
                .contains(
                        "amount",
                        "accountNo",
                        "Idempotency-Key",
                        "content type",
                        "query txNo",
                        "pull txNo",
                        "feed paging",
                        "missing or wrong service token",
                        "structure",
                        "invalid UTF-8",
                        "oversized body",
                        "wrong method",
                        "unknown path");
    }

    @Test
    void asksForFewerThanTheFixedRequestsGetsExactlyThatMany() {
        assertThat(generator.generate(1, 5)).hasSize(5);
        assertThat(generator.generate(1, 0)).isEmpty();
    }

    /** What a request is, without the random UUIDs some paths carry. */
    private static List<String> shapes(List<HostileRequest> requests) {
        return requests.stream()
                .map(r -> r.describe().replaceAll(UUID, "<uuid>"))
                .toList();
    }
}
