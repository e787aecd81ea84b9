package io.dtx.pay.queuefirst;

/**
 * The broker did not confirm that it stored a recharge request (503). When {@code certain}, the
 * request id has been decided as rejected, so even a copy the broker did store is never paid;
 * otherwise that could not be recorded, and the client must ask.
 */
public class RequestNotAcceptedException extends RuntimeException {

    private final String requestId;

    public RequestNotAcceptedException(String requestId, boolean certain, Throwable cause) {
        super(
                certain
                        ? "The broker did not confirm that it stored the request: it was not accepted, and it will"
                                + " never be paid. Send a new request."
                        : "The broker did not confirm that it stored the request, and whether it will be paid is"
                                + " not known yet. GET /pay/recharge-requests/" + requestId + " shows it; retry only"
                                + " with the same Idempotency-Key.",
                cause);
        this.requestId = requestId;
    }

    public String requestId() {
        return requestId;
    }
}
