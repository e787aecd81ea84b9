package io.dtx.pay.queuefirst;

/**
 * The broker did not confirm that it stored a recharge request (503). Usually nothing exists
 * anywhere; if the broker stored it and only the reply was lost, it is still paid, once: the
 * client retries with the same Idempotency-Key, or looks the request id up.
 */
public class RequestNotAcceptedException extends RuntimeException {

    private final String requestId;

    public RequestNotAcceptedException(String requestId, Throwable cause) {
        super(
                "The broker did not confirm that it stored the request. Retry with the same Idempotency-Key;"
                        + " GET /pay/recharge-requests/" + requestId + " shows whether it arrived after all.",
                cause);
        this.requestId = requestId;
    }

    public String requestId() {
        return requestId;
    }
}
