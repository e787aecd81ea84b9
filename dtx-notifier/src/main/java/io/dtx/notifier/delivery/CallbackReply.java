package io.dtx.notifier.delivery;

import java.time.Duration;

/**
 * What a receiver answered to one call.
 *
 * @param status     the HTTP status, or 0 when there was no answer
 * @param body       the start of the body (enough to see {@code success}), or null
 * @param retryAfter the receiver's {@code Retry-After}, or null
 * @param error      why there was no usable answer (refused, timed out), or null
 */
record CallbackReply(int status, String body, Duration retryAfter, String error, long latencyMillis) {

    boolean is2xx() {
        return status >= 200 && status < 300;
    }

    String describe() {
        if (status == 0) {
            return error;
        }
        return "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + body.strip());
    }
}
