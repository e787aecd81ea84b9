package io.dtx.walkthrough.chaos;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One request of the bad-input campaign, invalid by construction.
 *
 * @param category what is wrong with it, for the examples in the report
 * @param body     may be null (no body)
 * @param chunked  sends the body without a length
 */
record HostileRequest(
        String category,
        String method,
        String baseUrl,
        String path,
        Map<String, String> headers,
        byte[] body,
        boolean chunked) {

    /** A short description for the report: category, method, path, header names and the start of the body. */
    String describe() {
        String shown = body == null ? "" : " " + abbreviate(new String(body, StandardCharsets.UTF_8));
        return "[" + category + "] " + method + " " + abbreviate(path) + " " + headers.keySet() + shown;
    }

    static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "...(" + text.length() + " chars)";
    }
}
