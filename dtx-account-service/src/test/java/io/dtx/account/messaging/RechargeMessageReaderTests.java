package io.dtx.account.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dtx.contract.MessageSigning;
import io.dtx.contract.MessageSigning.Signature;
import io.dtx.contract.RechargeSucceeded;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class RechargeMessageReaderTests {

    private static final String KEY = MessageSigning.newKeySpec("k1");
    private static final MessageSigning PAY_SIDE = MessageSigning.forSigning(KEY, "k1");

    private final RechargeMessageReader reader =
            new RechargeMessageReader(JsonMapper.builder().build(), MessageSigning.forVerifying(KEY));

    private static final String VALID =
            "{\"txNo\":\"t1\",\"accountNo\":\"1\",\"amount\":100.10,\"paidAt\":\"2026-01-01T00:00:00Z\"}";

    @Test
    void readsAPaymentWithAnExactAmount() {
        RechargeSucceeded payment = read(VALID);

        assertThat(payment.amount()).isEqualByComparingTo("100.10");
        assertThat(payment.paidAt()).isEqualTo("2026-01-01T00:00:00Z");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "{\"accountNo\":\"1\",\"amount\":1}",
                "{\"txNo\":\"t1\",\"accountNo\":\"1\",\"amount\":-5}",
                "{\"txNo\":\"t1\",\"accountNo\":\"1\",\"amount\":0}",
                "{\"txNo\":\"t1\",\"accountNo\":\"1\",\"amount\":1.001}",
                "{\"txNo\":\"t1\",\"accountNo\":\"1\",\"amount\":1000000.01}",
                "{\"txNo\":\"\",\"accountNo\":\"1\",\"amount\":1}",
                "{\"txNo\":\"t1\",\"accountNo\":\"a b\",\"amount\":1}",
                "{\"txNo\":\"t1\",\"accountNo\":\"1\",\"amount\":1,\"amount\":1000}"
            })
    void anythingThatCouldNeverBeCreditedIsPoison(String body) {
        assertThatThrownBy(() -> read(body)).isInstanceOf(RechargeMessageReader.PoisonException.class);
    }

    @Test
    void aWellFormedMessageWithoutAValidSignatureIsPoisonUnauthenticated() {
        byte[] body = VALID.getBytes(StandardCharsets.UTF_8);
        Signature signed = PAY_SIDE.sign(body);
        Signature foreign =
                MessageSigning.forSigning(MessageSigning.newKeySpec("k1"), "k1").sign(body);
        byte[] altered = VALID.replace("100.10", "900.10").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> reader.read(body, null, null)).hasMessage("unauthenticated: signature missing");
        assertThatThrownBy(() -> reader.read(body, foreign.keyId(), foreign.value()))
                .hasMessage("unauthenticated: signature invalid");
        assertThatThrownBy(() -> reader.read(body, "k9", signed.value()))
                .hasMessage("unauthenticated: signature unknown_key");
        assertThatThrownBy(() -> reader.read(altered, signed.keyId(), signed.value()))
                .isInstanceOf(RechargeMessageReader.PoisonException.class)
                .hasMessageStartingWith(RechargeMessageReader.UNAUTHENTICATED);
        assertThat(reader.read(body, signed.keyId(), signed.value()).txNo()).isEqualTo("t1");
    }

    /** Read as the pay side would have sent it: signed, so only the body's content is judged. */
    private RechargeSucceeded read(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Signature signature = PAY_SIDE.sign(bytes);
        return reader.read(bytes, signature.keyId(), signature.value());
    }
}
