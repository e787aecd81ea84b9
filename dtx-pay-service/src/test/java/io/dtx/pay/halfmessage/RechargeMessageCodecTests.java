package io.dtx.pay.halfmessage;

import static org.assertj.core.api.Assertions.assertThat;

import io.dtx.contract.MessageSigning;
import io.dtx.contract.MessageSigning.Verdict;
import io.dtx.contract.RechargeSucceeded;
import java.math.BigDecimal;
import java.time.Instant;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

class RechargeMessageCodecTests {

    private static final String KEY = MessageSigning.newKeySpec("k1");

    private final RechargeMessageCodec codec =
            new RechargeMessageCodec(JsonMapper.builder().build(), MessageSigning.forSigning(KEY, "k1"));

    @Test
    void everyMessageIsKeyedByTxNoAndSignedOverItsExactBody() {
        RechargeSucceeded event = new RechargeSucceeded("tx-1", "1", new BigDecimal("10.00"), Instant.EPOCH);

        Message<byte[]> message = codec.toMessage(event);

        assertThat(message.getHeaders().get(RocketMQHeaders.KEYS)).isEqualTo("tx-1");
        String keyId = (String) message.getHeaders().get(MessageSigning.KEY_ID_PROPERTY);
        String signature = (String) message.getHeaders().get(MessageSigning.SIGNATURE_PROPERTY);
        assertThat(MessageSigning.forVerifying(KEY).verify(keyId, signature, message.getPayload()))
                .isEqualTo(Verdict.VALID);
        assertThat(codec.decode(message.getPayload())).isEqualTo(event);
    }
}
