package io.dtx.contract;

/**
 * The body of the notifier's HTTP callback (best-effort notification, scheme 2): the pay side's
 * message exactly as it was signed, with that signature. The call itself is signed by the notifier
 * (Standard Webhooks headers); the receiver checks both, so neither a forged call nor a notifier
 * that was broken into can invent a payment: only the pay side's key makes {@code signature}, and
 * the notifier does not hold it (it checks nothing it could also forge).
 *
 * @param type      always {@value #TYPE}
 * @param txNo      the payment's transaction number, for logs (the credited one is the message's)
 * @param message   the {@link RechargeSucceeded} JSON, byte for byte as the pay side signed it
 * @param keyId     the id of the pay side's key that signed {@code message}
 * @param signature the pay side's signature of {@code message} (see {@link MessageSigning})
 */
public record RechargeCallback(String type, String txNo, String message, String keyId, String signature) {

    public static final String TYPE = "recharge.succeeded";
}
