package io.dtx.account.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dtx.contract.RechargeSucceeded;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class RechargeMessageReaderTests {

    private final RechargeMessageReader reader =
            new RechargeMessageReader(JsonMapper.builder().build());

    @Test
    void readsAPaymentWithAnExactAmount() {
        RechargeSucceeded payment =
                read("{\"txNo\":\"t1\",\"accountNo\":\"1\",\"amount\":100.10,\"paidAt\":\"2026-01-01T00:00:00Z\"}");

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

    private RechargeSucceeded read(String body) {
        return reader.read(body.getBytes(StandardCharsets.UTF_8));
    }
}
