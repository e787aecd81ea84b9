package io.dtx.account.messaging;

import io.dtx.contract.MessageSigning;
import io.dtx.contract.MessageSigning.Verdict;
import io.dtx.contract.RechargeRules;
import io.dtx.contract.RechargeSucceeded;
import java.util.Locale;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and checks a message; anything that could never be credited is poison. First of all the
 * signature: a message the pay side did not sign changes no money, however well-formed it is.
 */
@Component
public class RechargeMessageReader {

    /** The start of the poison reason for a message whose signature does not verify. */
    static final String UNAUTHENTICATED = "unauthenticated";

    private final JsonMapper json;
    private final MessageSigning signing;

    RechargeMessageReader(JsonMapper json, MessageSigning signing) {
        this.signing = signing;
        // A field given twice is ambiguous ("amount": 1, "amount": 1000): poison, never "the last
        // one wins", whatever the application's mapper is configured to do.
        this.json = json.rebuild()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /**
     * @throws PoisonException when the signature does not prove the pay side sent these exact
     *         bytes (reason {@code unauthenticated: ...}), or the body is unreadable or describes an
     *         impossible payment
     */
    public RechargeSucceeded read(byte[] body, String keyId, String signature) {
        Verdict verdict = signing.verify(keyId, signature, body);
        if (verdict != Verdict.VALID) {
            throw new PoisonException(
                    UNAUTHENTICATED + ": signature " + verdict.name().toLowerCase(Locale.ROOT));
        }
        RechargeSucceeded payment;
        try {
            payment = json.readValue(body, RechargeSucceeded.class);
        } catch (JacksonException e) {
            throw new PoisonException("unreadable body: " + e.getOriginalMessage());
        }
        if (payment == null) {
            throw new PoisonException("unreadable body: null");
        }
        if (!RechargeRules.isAmount(payment.amount())) {
            throw new PoisonException("impossible amount " + payment.amount().toPlainString());
        }
        if (!RechargeRules.isTxNo(payment.txNo()) || !RechargeRules.isAccountNo(payment.accountNo())) {
            throw new PoisonException("txNo or accountNo missing or malformed");
        }
        return payment;
    }

    /** Why a message can never be credited; the reason starts with {@value #UNAUTHENTICATED} for a bad signature. */
    public static final class PoisonException extends RuntimeException {
        PoisonException(String reason) {
            super(reason);
        }
    }
}
