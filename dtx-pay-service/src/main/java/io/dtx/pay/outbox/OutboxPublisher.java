package io.dtx.pay.outbox;

import io.dtx.contract.RechargeSucceeded;
import io.dtx.pay.halfmessage.RechargeMessageCodec;
import io.dtx.pay.payment.LocalCommitHook;
import io.dtx.pay.payment.PaymentCommand;
import io.dtx.pay.payment.PaymentLedger;
import io.dtx.pay.payment.PaymentPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes a payment through the local message table ({@code dtx.pay.publisher=outbox}): the
 * payment row and its {@code mq_notify} row commit in one local transaction, then one send is
 * tried at once, off the request thread; whatever did not go out, the relay sends. Unlike the
 * half message, this keeps taking payments while the broker is down.
 */
@Component
@ConditionalOnProperty(name = "dtx.pay.publisher", havingValue = "outbox")
class OutboxPublisher implements PaymentPublisher {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

    private final PaymentLedger ledger;
    private final OutboxTable table;
    private final OutboxRelay relay;
    private final RechargeMessageCodec codec;
    private final OutboxSettings settings;
    private final LocalCommitHook afterCommit;
    private final Executor sendSoon;
    private final TransactionTemplate transaction;

    OutboxPublisher(
            PaymentLedger ledger,
            OutboxTable table,
            OutboxRelay relay,
            RechargeMessageCodec codec,
            OutboxSettings settings,
            LocalCommitHook afterCommit,
            @Qualifier("outboxSendSoon") Executor sendSoon,
            PlatformTransactionManager transactions) {
        this.ledger = ledger;
        this.table = table;
        this.relay = relay;
        this.codec = codec;
        this.settings = settings;
        this.afterCommit = afterCommit;
        this.sendSoon = sendSoon;
        this.transaction = new TransactionTemplate(transactions);
        transaction.setTimeout(5);
    }

    @Override
    public boolean publish(PaymentCommand command) {
        byte[] body = codec.encode(
                new RechargeSucceeded(command.txNo(), command.accountNo(), command.amount(), Instant.now()));
        Long id;
        try {
            id = transaction.execute(status -> {
                ledger.recordSucceeded(command);
                return table.insert(
                        command.txNo(), new String(body, StandardCharsets.UTF_8), settings.sends(), settings.grace());
            });
        } catch (DuplicateKeyException e) {
            log.info(
                    "Payment not recorded, key taken: {}",
                    e.getMostSpecificCause().getMessage());
            return false;
        } catch (DataAccessException | TransactionException e) {
            // The COMMIT may have happened or not: the database decides, not a guess.
            log.warn("Local transaction failed; asking the database whether it committed", e);
            return false;
        }
        try {
            afterCommit.afterLocalCommit(command.txNo(), command.accountNo());
            sendSoon.execute(() -> relay.sendNow(id));
        } catch (RejectedExecutionException | IllegalStateException e) {
            // Committed all the same: the relay sends the row once its grace is over.
            log.warn("No send right after commit ({}); the relay will send it", e.getMessage());
        }
        return true;
    }
}
