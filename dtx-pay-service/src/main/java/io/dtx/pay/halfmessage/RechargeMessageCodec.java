package io.dtx.pay.halfmessage;

import io.dtx.contract.RechargeSucceeded;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns {@link RechargeSucceeded} into the JSON body of a message and back. Done here, with the
 * application's JSON mapper, rather than by the RocketMQ starter's own Jackson 2 converter, so the
 * wire format (ISO-8601 instants, exact decimals) is decided in one visible place.
 */
@Component
public class RechargeMessageCodec {

    private final JsonMapper json;

    RechargeMessageCodec(JsonMapper json) {
        this.json = json;
    }

    public byte[] encode(RechargeSucceeded event) {
        return json.writeValueAsBytes(event);
    }

    public RechargeSucceeded decode(byte[] body) {
        return json.readValue(body, RechargeSucceeded.class);
    }
}
