package io.dtx.account.messaging;

import io.dtx.contract.RechargeRules;
import io.dtx.contract.RechargeSucceeded;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and checks a message body; anything that could never be credited is poison. */
@Component
class RechargeMessageReader {

    private final JsonMapper json;

    RechargeMessageReader(JsonMapper json) {
        // A field given twice is ambiguous ("amount": 1, "amount": 1000): poison, never "the last
        // one wins", whatever the application's mapper is configured to do.
        this.json = json.rebuild()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** @throws PoisonException when the body is unreadable or describes an impossible payment */
    RechargeSucceeded read(byte[] body) {
        RechargeSucceeded payment;
        try {
            payment = json.readValue(body, RechargeSucceeded.class);
        } catch (JacksonException e) {
            throw new PoisonException("unreadable body: " + e.getOriginalMessage());
        }
        if (!RechargeRules.isAmount(payment.amount())) {
            throw new PoisonException("impossible amount " + payment.amount().toPlainString());
        }
        if (!RechargeRules.isTxNo(payment.txNo()) || !RechargeRules.isAccountNo(payment.accountNo())) {
            throw new PoisonException("txNo or accountNo missing or malformed");
        }
        return payment;
    }

    static final class PoisonException extends RuntimeException {
        PoisonException(String reason) {
            super(reason);
        }
    }
}
