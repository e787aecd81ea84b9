package io.dtx.walkthrough.chaos;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The generator of the bad-input campaign: malformed and hostile requests to every endpoint of both
 * services, drawn from a seed.
 *
 * <p>Every generated request is invalid by construction (at least one part is wrong for sure),
 * so any change to a database is a defect, never a lucky valid request.
 */
final class HostileRequests {

    private static final String VALID = "{\"accountNo\":\"1\",\"amount\":\"10.00\"}";

    private final String payUrl;
    private final String accountUrl;
    private final String token;

    HostileRequests(String payUrl, String accountUrl, String token) {
        this.payUrl = payUrl;
        this.accountUrl = accountUrl;
        this.token = token;
    }

    /** The requests of one campaign: the same seed, the same requests. */
    List<HostileRequest> generate(long seed, int count) {
        Random random = new Random(seed);
        List<HostileRequest> requests = new ArrayList<>(fixed());
        while (requests.size() < count) {
            requests.add(
                    switch (random.nextInt(6)) {
                        case 0, 1 -> badAmount(random);
                        case 2 -> badAccount(random);
                        case 3 -> badHeaderOrType(random);
                        case 4 -> badLookup(random);
                        default -> recharge("structure", pick(random, BadValues.BAD_STRUCTURES), json());
                    });
        }
        Collections.shuffle(requests, random);
        return requests.subList(0, Math.max(count, 0) < requests.size() ? count : requests.size());
    }

    private HostileRequest badAmount(Random r) {
        String account = r.nextBoolean() ? pick(r, BadValues.GOOD_ACCOUNTS) : pick(r, BadValues.BAD_ACCOUNTS);
        return recharge(
                "amount", "{\"accountNo\":" + account + ",\"amount\":" + pick(r, BadValues.BAD_AMOUNTS) + "}", json());
    }

    private HostileRequest badAccount(Random r) {
        String amount = r.nextBoolean() ? "\"10.00\"" : "10.00";
        return recharge(
                "accountNo",
                "{\"accountNo\":" + pick(r, BadValues.BAD_ACCOUNTS) + ",\"amount\":" + amount + "}",
                json());
    }

    private HostileRequest badHeaderOrType(Random r) {
        if (r.nextBoolean()) {
            Map<String, String> headers = json();
            headers.put("Idempotency-Key", pick(r, BadValues.BAD_IDEMPOTENCY_KEYS));
            return recharge("Idempotency-Key", VALID, headers);
        }
        return recharge(
                "content type",
                VALID,
                new LinkedHashMap<>(Map.of("Content-Type", pick(r, BadValues.BAD_CONTENT_TYPES))));
    }

    private HostileRequest badLookup(Random r) {
        String txNo = pick(r, BadValues.BAD_TX_NOS);
        return switch (r.nextInt(5)) {
            case 0 -> get("query txNo", payUrl, "/pay/recharges/" + txNo, withToken());
            case 1 ->
                new HostileRequest(
                        "pull txNo",
                        "POST",
                        accountUrl,
                        "/accounts/recharges/" + txNo + "/pull",
                        withToken(),
                        null,
                        false);
            case 2 -> get("account number", accountUrl, "/accounts/" + txNo, new LinkedHashMap<>());
            case 3 ->
                get(
                        "feed paging",
                        payUrl,
                        "/pay/recharges?after="
                                + pick(r, List.of("-1", "abc", "1e99", "99999999999999999999", "", "1.5"))
                                + "&limit=" + pick(r, List.of("0", "-1", "501", "abc", "1.5", "99999999999")),
                        withToken());
            default -> badToken(r);
        };
    }

    private HostileRequest badToken(Random r) {
        String method = pick(r, List.of("GET", "POST"));
        String baseUrl = r.nextBoolean() ? payUrl : accountUrl;
        String path = pick(
                r,
                List.of(
                        "/pay/recharges/" + UUID.randomUUID(),
                        "/pay/recharges?after=0",
                        "/accounts/recharges/" + UUID.randomUUID() + "/pull",
                        "/accounts/reconciliation/runs"));
        Map<String, String> headers = r.nextBoolean() ? new LinkedHashMap<>() : wrongToken(r);
        return new HostileRequest("missing or wrong service token", method, baseUrl, path, headers, null, false);
    }

    /** Requests that need bytes or sizes a string cannot express, and wrong methods and paths. */
    private List<HostileRequest> fixed() {
        List<HostileRequest> requests = new ArrayList<>();
        byte[] invalidUtf8 = {
            '{', '"', 'a', 'c', 'c', 'o', 'u', 'n', 't', 'N', 'o', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
        };
        requests.add(post("invalid UTF-8", payUrl, "/pay/recharges", json(), invalidUtf8, false));
        byte[] big = ("{\"accountNo\":\"1\",\"amount\":\"10.00\",\"pad\":\"" + "x".repeat(64 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        requests.add(post("oversized body", payUrl, "/pay/recharges", json(), big, false));
        requests.add(post("oversized body, chunked", payUrl, "/pay/recharges", json(), big, true));
        requests.add(post("oversized body", accountUrl, "/accounts/reconciliation/runs", withToken(), big, false));
        requests.add(post(
                "oversized body, chunked",
                accountUrl,
                "/accounts/recharges/" + UUID.randomUUID() + "/pull",
                withToken(),
                "x".repeat(100 * 1024).getBytes(StandardCharsets.UTF_8),
                true));
        for (String[] wrong : new String[][] {
            {"DELETE", "/pay/recharges"}, {"PUT", "/pay/recharges/" + UUID.randomUUID()}, {"PATCH", "/pay/recharges"}
        }) {
            requests.add(new HostileRequest("wrong method", wrong[0], payUrl, wrong[1], withToken(), null, false));
        }
        for (String[] wrong : new String[][] {
            {"GET", "/accounts/reconciliation/runs"}, {"DELETE", "/accounts/1"}, {"PUT", "/accounts/1"}
        }) {
            requests.add(new HostileRequest("wrong method", wrong[0], accountUrl, wrong[1], withToken(), null, false));
        }
        requests.add(get("unknown path", payUrl, "/pay/recharges/x/y", withToken()));
        requests.add(get("unknown path", accountUrl, "/accounts", new LinkedHashMap<>()));
        requests.add(
                post("unknown path", payUrl, "/pay/refunds", json(), "{}".getBytes(StandardCharsets.UTF_8), false));
        return requests;
    }

    private HostileRequest recharge(String category, String body, Map<String, String> headers) {
        return post(category, payUrl, "/pay/recharges", headers, body.getBytes(StandardCharsets.UTF_8), false);
    }

    private static HostileRequest get(String category, String baseUrl, String path, Map<String, String> headers) {
        return new HostileRequest(category, "GET", baseUrl, path, headers, null, false);
    }

    private static HostileRequest post(
            String category, String baseUrl, String path, Map<String, String> headers, byte[] body, boolean chunked) {
        return new HostileRequest(category, "POST", baseUrl, path, headers, body, chunked);
    }

    private static Map<String, String> json() {
        return new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
    }

    private Map<String, String> withToken() {
        Map<String, String> headers = json();
        headers.put("Authorization", "Bearer " + token);
        return headers;
    }

    private Map<String, String> wrongToken(Random r) {
        Map<String, String> headers = json();
        headers.put(
                "Authorization",
                pick(
                        r,
                        List.of(
                                "Bearer " + token + "x",
                                "Bearer ",
                                "Basic YWRtaW46YWRtaW4=",
                                token,
                                "Bearer " + token.substring(1))));
        return headers;
    }

    private static String pick(Random r, List<String> values) {
        return values.get(r.nextInt(values.size()));
    }
}
