package io.dtx.pay.queuefirst;

/**
 * What became of a recharge request, as {@code GET /pay/recharge-requests/{requestId}} answers.
 *
 * @param status {@code ACCEPTED} (on the broker, not paid yet), {@code PAID} or {@code REJECTED}
 * @param txNo   the payment, once {@code PAID}
 * @param reason why, when {@code REJECTED}
 */
public record RequestStatus(String requestId, String status, String txNo, String reason) {

    static final String ACCEPTED = "ACCEPTED";
    static final String PAID = "PAID";
    static final String REJECTED = "REJECTED";

    static RequestStatus accepted(String requestId) {
        return new RequestStatus(requestId, ACCEPTED, null, null);
    }
}
