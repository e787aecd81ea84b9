package io.dtx.walkthrough;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The bad-input campaign: thousands of malformed and hostile requests, generated from a seed, to
 * every endpoint of both services. Each must be refused with a 4xx and an RFC 9457 problem body
 * (never a 5xx, never a stack trace, never a 2xx), and neither database may change.
 *
 * <p>Every generated request is invalid by construction (at least one part is wrong for sure),
 * so any change to a database is a defect, never a lucky valid request.
 */
final class InputCampaign {

    /** One hostile request. {@code body} may be null (no body); {@code chunked} sends it without a length. */
    record Probe(String category, String method, String baseUrl, String path, Map<String, String> headers, byte[] body, boolean chunked) {
    }

    /** What the campaign saw. */
    record Result(int sent, int notSendable, Map<String, Integer> statuses, int accepted, int serverErrors, int withoutProblem,
                  boolean databasesUnchanged, List<String> examples) {

        boolean holds() {
            return accepted == 0 && serverErrors == 0 && withoutProblem == 0 && databasesUnchanged;
        }
    }

    private static final List<String> BAD_AMOUNTS = List.of(
            "\"-5.00\"", "-5", "0", "\"0.00\"", "\"-0.00\"", "0.001", "\"1.234\"", "1e309", "1E+400", "-1e-400", "NaN", "\"NaN\"",
            "Infinity", "\"Infinity\"", "-Infinity", "\"-Infinity\"", "1000000.01", "\"99999999999999999999999999999999.99\"",
            "99999999999999999999999999999999999999999999", "\"abc\"", "true", "[]", "{}", "null", "\"\"", "\" \"", "\"1,00\"",
            "\"1.00.0\"", "\"0x10\"", "\"1.0e-3\"", "\"١٠٠\"", "\"１００\"", "\"100 \"", "\"+-1\"", "\"1/0\"", "\"1'; DROP TABLE account_pay;--\"");
    private static final List<String> BAD_ACCOUNTS = List.of(
            "\"\"", "\" \"", "\"" + "a".repeat(65) + "\"", "\"" + "9".repeat(5000) + "\"", "\"张三\"", "\"1' OR '1'='1\"",
            "\"1; DROP TABLE account_info;--\"", "\"../1\"", "\"1\\u0000\"", "\"\\u202e1\"", "\"😀\"", "null", "[\"1\"]", "{\"no\":\"1\"}",
            "\"1\\r\\nX-Injected: yes\"", "\"<script>alert(1)</script>\"", "\"${jndi:ldap://x/a}\"", "\"1%27\"", "\"1 \"", "\"\\\"1\\\"\"");
    private static final List<String> GOOD_ACCOUNTS = List.of("\"1\"", "\"chaos-1\"");
    private static final List<String> BAD_TX_NOS = List.of(
            "a'b", "1%20OR%201=1", "x".repeat(65), "9".repeat(3000), "%2e%2e", "..%2f..%2fetc%2fpasswd", "%00", "%E5%BC%A0%E4%B8%89",
            "%3Cscript%3E", "1;select%201", "%F0%9F%98%80", "a.b", "a_b", "%25", "%27%20OR%20%271%27=%271", "%0d%0aX-Injected:%20yes");
    private static final List<String> BAD_IDEMPOTENCY_KEYS = List.of(
            "k".repeat(129), "<script>", "' OR 1=1 --", "a b", "%0d%0aSet-Cookie:%20x=1", "a/b", "a\\b", "k;DROP TABLE account_pay", "\"k\"");
    private static final List<String> BAD_CONTENT_TYPES = List.of(
            "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/json-patch+json", "text/html", "application/octet-stream", "image/png");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String payUrl;
    private final String accountUrl;
    private final String token;

    InputCampaign(String payUrl, String accountUrl, String token) {
        this.payUrl = payUrl;
        this.accountUrl = accountUrl;
        this.token = token;
    }

    /** The probes of one campaign: the same seed, the same requests. */
    List<Probe> generate(long seed, int count) {
        Random random = new Random(seed);
        List<Probe> probes = new ArrayList<>(fixed());
        while (probes.size() < count) {
            probes.add(switch (random.nextInt(6)) {
                case 0, 1 -> badAmount(random);
                case 2 -> badAccount(random);
                case 3 -> badHeaderOrType(random);
                case 4 -> badLookup(random);
                default -> badStructure(random);
            });
        }
        java.util.Collections.shuffle(probes, random);
        return probes.subList(0, Math.max(count, 0) < probes.size() ? count : probes.size());
    }

    private Probe badAmount(Random r) {
        String account = r.nextBoolean() ? pick(r, GOOD_ACCOUNTS) : pick(r, BAD_ACCOUNTS);
        return recharge("amount", "{\"accountNo\":" + account + ",\"amount\":" + pick(r, BAD_AMOUNTS) + "}", json());
    }

    private Probe badAccount(Random r) {
        String amount = r.nextBoolean() ? "\"10.00\"" : "10.00";
        return recharge("accountNo", "{\"accountNo\":" + pick(r, BAD_ACCOUNTS) + ",\"amount\":" + amount + "}", json());
    }

    private Probe badHeaderOrType(Random r) {
        String valid = "{\"accountNo\":\"1\",\"amount\":\"10.00\"}";
        if (r.nextBoolean()) {
            Map<String, String> headers = json();
            headers.put("Idempotency-Key", pick(r, BAD_IDEMPOTENCY_KEYS));
            return recharge("Idempotency-Key", valid, headers);
        }
        return recharge("content type", valid, new LinkedHashMap<>(Map.of("Content-Type", pick(r, BAD_CONTENT_TYPES))));
    }

    private Probe badLookup(Random r) {
        String txNo = pick(r, BAD_TX_NOS);
        return switch (r.nextInt(5)) {
            case 0 -> new Probe("query txNo", "GET", payUrl, "/pay/recharges/" + txNo, withToken(), null, false);
            case 1 -> new Probe("pull txNo", "POST", accountUrl, "/accounts/recharges/" + txNo + "/pull", withToken(), null, false);
            case 2 -> new Probe("account number", "GET", accountUrl, "/accounts/" + txNo, new LinkedHashMap<>(), null, false);
            case 3 -> new Probe("feed paging", "GET", payUrl, "/pay/recharges?after=" + pick(r, List.of("-1", "abc", "1e99", "99999999999999999999", "", "1.5"))
                    + "&limit=" + pick(r, List.of("0", "-1", "501", "abc", "1.5", "99999999999")), withToken(), null, false);
            default -> new Probe("missing or wrong service token", pick(r, List.of("GET", "POST")), r.nextBoolean() ? payUrl : accountUrl,
                    pick(r, List.of("/pay/recharges/" + UUID.randomUUID(), "/pay/recharges?after=0", "/accounts/recharges/" + UUID.randomUUID() + "/pull",
                            "/accounts/reconciliation/runs")), r.nextBoolean() ? new LinkedHashMap<>() : wrongToken(r), null, false);
        };
    }

    private Probe badStructure(Random r) {
        List<String> bodies = List.of("{}", "{\"accountNo\":\"1\"}", "{\"amount\":\"10.00\"}", "hello", "{\"accountNo\":\"1\",\"amount\":",
                "[{\"accountNo\":\"1\",\"amount\":\"10.00\"}]", "[".repeat(3000), "{\"a\":".repeat(2000), "\"just a string\"", "42", "null", "",
                "{\"accountNo\":\"1\",\"amount\":\"10.00\",\"admin\":true}", "{\"accountNo\":\"1\",\"amount\":\"10.00\",\"amount\":\"-1\"}",
                "{'accountNo':'1','amount':'10.00'}", "{\"accountNo\":\"1\",\"amount\":\"10.00\"}}", "<recharge><accountNo>1</accountNo></recharge>");
        return recharge("structure", pick(r, bodies), json());
    }

    /** Requests that need bytes or sizes a string cannot express. */
    private List<Probe> fixed() {
        List<Probe> probes = new ArrayList<>();
        byte[] invalidUtf8 = {'{', '"', 'a', 'c', 'c', 'o', 'u', 'n', 't', 'N', 'o', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        probes.add(new Probe("invalid UTF-8", "POST", payUrl, "/pay/recharges", json(), invalidUtf8, false));
        String big = "{\"accountNo\":\"1\",\"amount\":\"10.00\",\"pad\":\"" + "x".repeat(64 * 1024) + "\"}";
        probes.add(new Probe("oversized body", "POST", payUrl, "/pay/recharges", json(), big.getBytes(StandardCharsets.UTF_8), false));
        probes.add(new Probe("oversized body, chunked", "POST", payUrl, "/pay/recharges", json(), big.getBytes(StandardCharsets.UTF_8), true));
        probes.add(new Probe("oversized body", "POST", accountUrl, "/accounts/reconciliation/runs", withToken(), big.getBytes(StandardCharsets.UTF_8), false));
        probes.add(new Probe("oversized body, chunked", "POST", accountUrl, "/accounts/recharges/" + UUID.randomUUID() + "/pull", withToken(),
                ("x".repeat(100 * 1024)).getBytes(StandardCharsets.UTF_8), true));
        for (String[] wrong : new String[][] {{"DELETE", "/pay/recharges"}, {"PUT", "/pay/recharges/" + UUID.randomUUID()}, {"PATCH", "/pay/recharges"}}) {
            probes.add(new Probe("wrong method", wrong[0], payUrl, wrong[1], withToken(), null, false));
        }
        for (String[] wrong : new String[][] {{"GET", "/accounts/reconciliation/runs"}, {"DELETE", "/accounts/1"}, {"PUT", "/accounts/1"}}) {
            probes.add(new Probe("wrong method", wrong[0], accountUrl, wrong[1], withToken(), null, false));
        }
        probes.add(new Probe("unknown path", "GET", payUrl, "/pay/recharges/x/y", withToken(), null, false));
        probes.add(new Probe("unknown path", "GET", accountUrl, "/accounts", new LinkedHashMap<>(), null, false));
        probes.add(new Probe("unknown path", "POST", payUrl, "/pay/refunds", json(), "{}".getBytes(StandardCharsets.UTF_8), false));
        return probes;
    }

    /** Sends every probe and checks each reply, then that neither database changed. */
    Result run(List<Probe> probes, Bank bank) {
        String before = checksum(bank);
        Map<String, Integer> statuses = new LinkedHashMap<>();
        List<String> examples = new ArrayList<>();
        int sent = 0;
        int notSendable = 0;
        int accepted = 0;
        int serverErrors = 0;
        int withoutProblem = 0;
        for (Probe probe : probes) {
            HttpResponse<String> response;
            try {
                response = http.send(request(probe), HttpResponse.BodyHandlers.ofString());
            } catch (IllegalArgumentException unsendable) {
                notSendable++; // e.g. a header value Java's HTTP client itself refuses to send
                continue;
            } catch (IOException e) {
                // An oversized body may be cut off by the server's early 413: a refusal, counted as such.
                statuses.merge("connection closed", 1, Integer::sum);
                sent++;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sent++;
            int status = response.statusCode();
            statuses.merge(Integer.toString(status), 1, Integer::sum);
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (status < 400) {
                accepted++;
                note(examples, "accepted " + status + ": " + describe(probe));
            } else if (status >= 500) {
                serverErrors++;
                note(examples, status + ": " + describe(probe) + " -> " + abbreviate(response.body()));
            } else if (!contentType.startsWith("application/problem+json") || !response.body().contains("\"status\":" + status)) {
                withoutProblem++;
                note(examples, status + " without a problem body (" + contentType + "): " + describe(probe) + " -> " + abbreviate(response.body()));
            }
        }
        boolean unchanged = before.equals(checksum(bank));
        return new Result(sent, notSendable, statuses, accepted, serverErrors, withoutProblem, unchanged, examples);
    }

    private HttpRequest request(Probe probe) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(probe.baseUrl() + probe.path())).timeout(Duration.ofSeconds(10));
        probe.headers().forEach(request::header);
        HttpRequest.BodyPublisher body = probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                : probe.chunked() ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(probe.body()))
                : HttpRequest.BodyPublishers.ofByteArray(probe.body());
        return request.method(probe.method(), body).build();
    }

    /**
     * Every table a request could change. The reconciliation cursor is left out on purpose: the
     * job moves it forward on its own as payments age past the overlap window.
     */
    static String checksum(Bank bank) {
        StringBuilder all = new StringBuilder();
        for (Map<String, Object> row : bank.rows("bank1",
                "CHECKSUM TABLE bank1.account_info, bank1.de_duplication, bank1.poison_message, bank1_pay.account_pay EXTENDED")) {
            all.append(row.get("Table")).append('=').append(row.get("Checksum")).append(';');
        }
        return all.toString();
    }

    private Probe recharge(String category, String body, Map<String, String> headers) {
        return new Probe(category, "POST", payUrl, "/pay/recharges", headers, body.getBytes(StandardCharsets.UTF_8), false);
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
        headers.put("Authorization", pick(r, List.of("Bearer " + token + "x", "Bearer ", "Basic YWRtaW46YWRtaW4=", token, "Bearer " + token.substring(1))));
        return headers;
    }

    private static String pick(Random r, List<String> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static String describe(Probe probe) {
        String body = probe.body() == null ? "" : " " + abbreviate(new String(probe.body(), StandardCharsets.UTF_8));
        return "[" + probe.category() + "] " + probe.method() + " " + abbreviate(probe.path()) + " " + probe.headers().keySet() + body;
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "...(" + text.length() + " chars)";
    }

    private static void note(List<String> examples, String example) {
        if (examples.size() < 25) {
            examples.add(example);
        }
    }
}
