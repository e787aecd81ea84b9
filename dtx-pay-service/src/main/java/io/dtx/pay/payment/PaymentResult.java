package io.dtx.pay.payment;

import java.util.Arrays;

/** The fate of a payment, as stored in {@code account_pay.result}. */
public enum PaymentResult {
    /** Committed together with its half message; the broker delivers the message. */
    SUCCESS("success"),
    /**
     * Never committed: a tombstone written by the broker's check-back, so the answer stays
     * ROLLBACK and a late local transaction can no longer commit under the same txNo.
     */
    ROLLED_BACK("rolled_back");

    private final String code;

    PaymentResult(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static PaymentResult fromCode(String code) {
        return Arrays.stream(values())
                .filter(r -> r.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Unknown payment result in the database: " + code));
    }
}
