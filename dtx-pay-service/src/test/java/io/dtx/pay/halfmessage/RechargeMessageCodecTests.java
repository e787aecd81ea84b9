package io.dtx.pay.halfmessage;

import static org.assertj.core.api.Assertions.assertThat;

import io.dtx.contract.MessageSigning;
import io.dtx.contract.MessageSigning.Verdict;
import io.dtx.contract.RechargeSucceeded;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

class RechargeMessageCodecTests {

    private static final String KEY = MessageSigning.newKeySpec("k1");

    private final RechargeMessageCodec codec = new RechargeMessageCodec(
            JsonMapper.builder().build(), MessageSigning.forSigning(KEY, "k1"), "dtx-recharge");

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

    @Test
    void aHalfMessageIsOursOnlyWithOurSignatureOverItsExactBody() {
        Message<byte[]> ours =
                codec.toMessage(new RechargeSucceeded("tx-1", "1", new BigDecimal("10.00"), Instant.EPOCH));
        Message<byte[]> stripped = MessageBuilder.withPayload(ours.getPayload()).build();
        byte[] altered = new String(ours.getPayload(), StandardCharsets.UTF_8)
                .replace("10.00", "90.00")
                .getBytes(StandardCharsets.UTF_8);
        Message<byte[]> tampered = MessageBuilder.withPayload(altered)
                .copyHeaders(ours.getHeaders())
                .build();

        assertThat(codec.readClaim(ours).orElseThrow().signedByUs()).isTrue();
        assertThat(codec.readClaim(stripped).orElseThrow().signedByUs()).isFalse();
        assertThat(codec.readClaim(tampered).orElseThrow().signedByUs()).isFalse();
    }

    @Test
    void aBodyThatIsNoPossiblePaymentClaimsNothing() {
        for (String body : new String[] {
            "not json",
            "{\"txNo\":\"a b\",\"accountNo\":\"1\",\"amount\":1}",
            "{\"txNo\":\"t\",\"accountNo\":\"1\",\"amount\":-1}",
            "{\"accountNo\":\"1\"}"
        }) {
            Message<byte[]> message = MessageBuilder.withPayload(body.getBytes(StandardCharsets.UTF_8))
                    .build();

            assertThat(codec.readClaim(message)).as(body).isEmpty();
        }
    }
}
