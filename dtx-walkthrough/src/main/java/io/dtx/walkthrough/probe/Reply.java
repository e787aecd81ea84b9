package io.dtx.walkthrough.probe;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's answer; status -1 when no answer came (the connection failed or the process died).
 *
 * @param status the HTTP status, or -1
 * @param body   the body as text, or what went wrong
 */
public record Reply(int status, String body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonNode json() {
        return JSON.readTree(body);
    }

    /** This reply if it is a 200; otherwise fails, naming {@code what} answered and how. */
    public Reply requireOk(String what) {
        if (status != 200) {
            throw new IllegalStateException(what + " answered " + status + ": " + body);
        }
        return this;
    }

    /** A top-level field of a JSON body as text, or null if there is none. */
    public String field(String name) {
        JsonNode node = json().get(name);
        return node == null ? null : node.asString();
    }
}
