package io.dtx.relay.routing;

import io.dtx.contract.MessageSigning;
import io.dtx.contract.MessageSigning.Signature;
import io.dtx.relay.binlog.PaymentRow;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * The relay's seal on each row it keeps in the exception table, made with the key it signs its
 * messages with. Whoever can write {@code dtx_relay} (the relay's login, a person at a SQL
 * console) could otherwise add a row, or change a row's user or environment, and have
 * compensation publish a signed credit for it: a payment of one environment sent to another, or
 * an unmapped one placed at will. Only rows the relay wrote, with the environment a person named
 * through its API, carry a seal that holds; compensation refuses the rest.
 */
@Component
public class RowSeal {

    /** Sealed bytes start with this, so a seal can never pass for a message's signature (a JSON body). */
    private static final String DOMAIN = "dtx-relay-exception-v1";

    private final MessageSigning signing;

    RowSeal(MessageSigning signing) {
        this.signing = signing;
    }

    /** The seal of a kept payment; {@code environment} null until a person names one. */
    public Signature of(PaymentRow payment, long threadId, String user, String environment) {
        return signing.sign(bytes(payment, threadId, user, environment));
    }

    /** Whether the row is as the relay wrote it, with the environment it holds now. */
    public boolean holds(KeptPayment row) {
        Signature seal = row.seal();
        return seal != null
                && signing.verify(
                                seal.keyId(),
                                seal.value(),
                                bytes(row.payment(), row.threadId(), row.user(), row.environment()))
                        == MessageSigning.Verdict.VALID;
    }

    private static byte[] bytes(PaymentRow payment, long threadId, String user, String environment) {
        String canonical = String.join(
                "\n",
                DOMAIN,
                payment.txNo(),
                payment.accountNo(),
                payment.amount().stripTrailingZeros().toPlainString(),
                Long.toString(threadId),
                user == null ? "" : user,
                environment == null ? "" : environment);
        return canonical.getBytes(StandardCharsets.UTF_8);
    }
}
