package io.dtx.relay.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.dtx.contract.MessageSigning;
import io.dtx.contract.MessageSigning.Signature;
import io.dtx.relay.binlog.PaymentRow;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RowSealTests {

    private static final String KEYS = MessageSigning.newKeySpec("k1");
    private final RowSeal seal = new RowSeal(MessageSigning.forSigning(KEYS, "k1"));
    private final PaymentRow payment =
            new PaymentRow("tx-1", "acc-1", new BigDecimal("3.00"), PaymentRow.SUCCESS, Instant.EPOCH);

    @Test
    void aRowAsTheRelayWroteItHolds() {
        Signature sealed = seal.of(payment, 42, "dtx_pay_qa", null);
        assertThat(seal.holds(row(payment, "dtx_pay_qa", null, sealed))).isTrue();
        Signature routed = seal.of(payment, 42, "dtx_pay_qa", "dev");
        assertThat(seal.holds(row(payment, "dtx_pay_qa", "dev", routed))).isTrue();
    }

    @Test
    void aRowChangedOrWrittenElsewhereDoesNotHold() {
        Signature sealed = seal.of(payment, 42, "dtx_pay_qa", null);
        assertThat(seal.holds(row(payment, "dtx_pay_dev", null, sealed)))
                .as("user changed")
                .isFalse();
        assertThat(seal.holds(row(payment, "dtx_pay_qa", "dev", sealed)))
                .as("environment set")
                .isFalse();
        PaymentRow more = new PaymentRow("tx-1", "acc-1", new BigDecimal("300.00"), PaymentRow.SUCCESS, Instant.EPOCH);
        assertThat(seal.holds(row(more, "dtx_pay_qa", null, sealed)))
                .as("amount changed")
                .isFalse();
        assertThat(seal.holds(row(payment, "dtx_pay_qa", null, null)))
                .as("no seal")
                .isFalse();
        RowSeal otherKey = new RowSeal(MessageSigning.forSigning(MessageSigning.newKeySpec("k1"), "k1"));
        Signature forged = otherKey.of(payment, 42, "dtx_pay_qa", null);
        assertThat(seal.holds(row(payment, "dtx_pay_qa", null, forged)))
                .as("another key")
                .isFalse();
    }

    private static KeptPayment row(PaymentRow payment, String user, String environment, Signature sealed) {
        return new KeptPayment(payment, 42, user, "why", KeptPayment.OPEN, environment, null, 0, Instant.EPOCH, sealed);
    }
}
