package io.dtx.pay.outbox;

import io.dtx.pay.halfmessage.RechargeMessageCodec;
import io.dtx.pay.payment.PaymentCommand;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a writer of payments uses the local message table for: add the payment's message inside
 * the payment's own transaction, and, once that committed, have it sent at once. The outbox
 * publisher and the queue-first consumer both write through here.
 */
@Component
public class OutboxMessages {

    private final OutboxTable table;
    private final OutboxRelay relay;
    private final RechargeMessageCodec codec;
    private final OutboxSettings settings;
    private final Executor sendSoon;

    OutboxMessages(
            OutboxTable table,
            OutboxRelay relay,
            RechargeMessageCodec codec,
            OutboxSettings settings,
            @Qualifier("outboxSendSoon") Executor sendSoon) {
        this.table = table;
        this.relay = relay;
        this.codec = codec;
        this.settings = settings;
        this.sendSoon = sendSoon;
    }

    /**
     * The message row of this payment, in the caller's transaction (there must be one: a row
     * committed without its payment, or a payment without its row, is what this table prevents).
     *
     * @return the row's id, for {@link #sendSoon}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long add(PaymentCommand command) {
        byte[] body = codec.encode(command.announcement());
        return table.insert(
                command.txNo(), new String(body, StandardCharsets.UTF_8), settings.sends(), settings.grace());
    }

    /** After the commit: one send at once, off the caller's thread; the relay sends it otherwise. */
    public void sendSoon(long id) {
        sendSoon.execute(() -> relay.sendNow(id));
    }
}
