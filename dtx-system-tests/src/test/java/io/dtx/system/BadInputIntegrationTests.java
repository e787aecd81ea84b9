package io.dtx.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each bad request gets a 400 problem body naming what is wrong, and changes nothing anywhere. */
class BadInputIntegrationTests {

    private static DtxStack stack;

    @BeforeAll
    static void startStack() {
        stack = DtxStack.get();
    }

    static Stream<Arguments> badRecharges() {
        return Stream.of(
                Arguments.of("negative amount", "{\"accountNo\":\"1\",\"amount\":\"-1.00\"}", "amount"),
                Arguments.of("zero amount", "{\"accountNo\":\"1\",\"amount\":\"0\"}", "amount"),
                Arguments.of("three decimals", "{\"accountNo\":\"1\",\"amount\":\"1.001\"}", "amount"),
                Arguments.of("over the limit", "{\"accountNo\":\"1\",\"amount\":\"1000000.01\"}", "amount"),
                Arguments.of("huge number", "{\"accountNo\":\"1\",\"amount\":1e400}", "amount"),
                Arguments.of("not a number", "{\"accountNo\":\"1\",\"amount\":\"NaN\"}", "amount"),
                Arguments.of("missing amount", "{\"accountNo\":\"1\"}", "amount"),
                Arguments.of("amount as object", "{\"accountNo\":\"1\",\"amount\":{}}", "amount"),
                Arguments.of("missing account", "{\"amount\":\"1.00\"}", "accountNo"),
                Arguments.of("empty account", "{\"accountNo\":\"\",\"amount\":\"1.00\"}", "accountNo"),
                Arguments.of(
                        "overlong account",
                        "{\"accountNo\":\"" + "9".repeat(65) + "\",\"amount\":\"1.00\"}",
                        "accountNo"),
                Arguments.of("unicode account", "{\"accountNo\":\"张三\",\"amount\":\"1.00\"}", "accountNo"),
                Arguments.of("SQL in account", "{\"accountNo\":\"1' OR '1'='1\",\"amount\":\"1.00\"}", "accountNo"),
                Arguments.of(
                        "unknown field", "{\"accountNo\":\"1\",\"amount\":\"1.00\",\"currency\":\"EUR\"}", "currency"),
                Arguments.of("amount given twice", "{\"accountNo\":\"1\",\"amount\":\"1\",\"amount\":\"1000\"}", null),
                Arguments.of("account given twice", "{\"accountNo\":\"1\",\"accountNo\":\"2\",\"amount\":\"1\"}", null),
                Arguments.of("malformed JSON", "{\"accountNo\":\"1\",", null),
                Arguments.of("not JSON at all", "accountNo=1&amount=1", null),
                Arguments.of("amount with a trailing space", "{\"accountNo\":\"1\",\"amount\":\"100 \"}", "amount"),
                Arguments.of("amount in full-width digits", "{\"accountNo\":\"1\",\"amount\":\"１００\"}", "amount"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRecharges")
    void badRechargeIsRefusedWithAProblemAndChangesNothing(String what, String body, String field) {
        long payments = stack.db.count("bank1_pay", "account_pay");
        long credits = stack.db.count("bank1", "de_duplication");

        Http.Response response = stack.payHttp.post("/pay/recharges", body);

        assertThat(response.status()).as(what).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(400);
        if (field != null) {
            assertThat(response.json().get("errors").toString()).as(what).contains("\"field\":\"" + field + "\"");
        }
        assertThat(stack.db.count("bank1_pay", "account_pay")).isEqualTo(payments);
        assertThat(stack.db.count("bank1", "de_duplication")).isEqualTo(credits);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badHeadersAndPaths")
    void badHeaderOrPathIsRefused(String what, Http http, String path, Map<String, String> headers, String method) {
        Http.Response response =
                "GET".equals(method) ? http.get(path) : http.post(path, Http.rechargeJson("1", "1.00"), headers);

        assertThat(response.status()).as(what).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    static Stream<Arguments> badHeadersAndPaths() {
        DtxStack s = DtxStack.get();
        return Stream.of(
                Arguments.of(
                        "idempotency key with spaces",
                        s.payHttp,
                        "/pay/recharges",
                        Map.of("Content-Type", "application/json", "Idempotency-Key", "a b"),
                        "POST"),
                Arguments.of("txNo with quote", s.payHttp, "/pay/recharges/a'b", Map.of(), "GET"),
                Arguments.of("feed cursor not a number", s.payHttp, "/pay/recharges?after=abc", Map.of(), "GET"),
                Arguments.of("feed limit too large", s.payHttp, "/pay/recharges?limit=100000", Map.of(), "GET"),
                Arguments.of("account with quote", s.accountHttp, "/accounts/a'b", Map.of(), "GET"),
                Arguments.of(
                        "pull of a bad txNo",
                        s.accountHttp,
                        "/accounts/recharges/a'b/pull",
                        Map.of("Content-Type", "application/json"),
                        "POST"));
    }

    @Test
    void wrongContentTypeIsRefused() {
        Http.Response response = stack.payHttp.post(
                "/pay/recharges", "{\"accountNo\":\"1\",\"amount\":\"1.00\"}", Map.of("Content-Type", "text/plain"));

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void internalEndpointsRefuseCallersWithoutTheServiceToken() {
        String txNo = UUID.randomUUID().toString();
        for (Http.Response response : List.of(
                stack.payHttp.withoutToken().get("/pay/recharges/" + txNo),
                stack.payHttp.withoutToken().get("/pay/recharges?after=0"),
                stack.accountHttp.withoutToken().post("/accounts/recharges/" + txNo + "/pull", ""),
                stack.accountHttp.withoutToken().post("/accounts/reconciliation/runs", ""),
                new Http(stack.payHttp.baseUrl(), "not-the-token-but-long-enough-anyway")
                        .get("/pay/recharges/" + txNo))) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        // Not only the method each endpoint is mapped to: Spring answers HEAD for any GET mapping.
        for (String method : List.of("HEAD", "OPTIONS", "DELETE")) {
            assertThat(stack.payHttp
                            .withoutToken()
                            .call(method, "/pay/recharges/" + txNo)
                            .status())
                    .as(method + " on the result query")
                    .isEqualTo(401);
            assertThat(stack.payHttp
                            .withoutToken()
                            .call(method, "/pay/recharges?after=0")
                            .status())
                    .as(method + " on the feed")
                    .isEqualTo(401);
        }
        // Taking a recharge and reading an account stay public.
        assertThat(stack.accountHttp.withoutToken().get("/accounts/1").status()).isEqualTo(200);
    }

    @Test
    void metricsAreServedOnTheManagementPortOnlyNeverOnTheApiPort() {
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/health", "/actuator")) {
            assertThat(stack.payHttp.withoutToken().get(path).status()).as(path).isEqualTo(404);
            assertThat(stack.accountHttp.withoutToken().get(path).status())
                    .as(path)
                    .isEqualTo(404);
        }
        assertThat(stack.payHttp.withoutToken().get("/readyz").status()).isEqualTo(200);
        String management = "http://127.0.0.1:" + stack.pay.getEnvironment().getProperty("local.management.port");
        Http.Response metrics = new Http(management, null).get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void oversizedBodyIs413AndChangesNothing() {
        long payments = stack.db.count("bank1_pay", "account_pay");
        String body = "{\"accountNo\":\"1\",\"amount\":\"1.00\",\"pad\":\"" + "x".repeat(20 * 1024) + "\"}";

        Http.Response response = stack.payHttp.post("/pay/recharges", body);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(stack.db.count("bank1_pay", "account_pay")).isEqualTo(payments);
    }

    @Test
    void pathParametersAndUrlsTomcatRefusesGetProblemsToo() {
        Http.Response semicolon = stack.accountHttp.get("/accounts/1;select%201");
        Http.Response nul = stack.accountHttp.get("/accounts/%00");

        assertThat(semicolon.status()).isEqualTo(400);
        assertThat(semicolon.contentType()).startsWith("application/problem+json");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.contentType()).startsWith("application/problem+json");
    }
}
