package io.dtx.pay.recharge;

import io.dtx.contract.Messaging;
import io.dtx.contract.RechargeSucceeded;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Service;

/**
 * Takes a recharge: the payment row and its message commit together, as one RocketMQ
 * transactional message.
 *
 * <ol>
 *   <li>The half message goes to the broker first: stored, invisible to consumers.</li>
 *   <li>The broker calls back {@link RechargeTransactionListener}, which commits the payment row
 *       in a local transaction and answers COMMIT (or ROLLBACK).</li>
 *   <li>This class then reads the row back: the database, not the producer's return value, says
 *       whether the payment was taken (a lost COMMIT is settled later by the check-back).</li>
 * </ol>
 */
@Service
public class RechargeService {

    private static final Logger log = LoggerFactory.getLogger(RechargeService.class);
    private static final String DESTINATION = Messaging.RECHARGE_TOPIC + ":" + Messaging.RECHARGE_SUCCEEDED_TAG;

    private final RocketMQTemplate rocketMq;
    private final PaymentLedger ledger;
    private final RechargeMessageCodec codec;

    RechargeService(RocketMQTemplate rocketMq, PaymentLedger ledger, RechargeMessageCodec codec) {
        this.rocketMq = rocketMq;
        this.ledger = ledger;
        this.codec = codec;
    }

    /** The reply to a recharge: the payment, and whether it was taken before under the same key. */
    public record Outcome(PaymentView payment, boolean replayed) {
    }

    public Outcome recharge(RechargeRequest request, String idempotencyKey) {
        BigDecimal amount = request.amount().setScale(2, RoundingMode.UNNECESSARY);
        String requestHash = hash(request.accountNo(), amount);
        if (idempotencyKey != null) {
            Optional<Outcome> earlier = replay(idempotencyKey, requestHash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        PaymentCommand command = new PaymentCommand(newTxNo(), request.accountNo(), amount, idempotencyKey, requestHash);
        MDC.put("txNo", command.txNo());
        try {
            TransactionSendResult sent = sendHalfMessage(command);
            Optional<Payment> recorded = ledger.find(command.txNo()).filter(Payment::succeeded);
            if (recorded.isPresent()) {
                log.info("Recharge of {} to account {} paid (local transaction: {})", amount, command.accountNo(), sent.getLocalTransactionState());
                return new Outcome(recorded.get().toView(), false);
            }
            if (idempotencyKey != null) {
                // The usual cause: a concurrent request with the same key won the unique index.
                Optional<Outcome> winner = replay(idempotencyKey, requestHash);
                if (winner.isPresent()) {
                    return winner.get();
                }
            }
            log.warn("Recharge not taken: local transaction answered {}", sent.getLocalTransactionState());
            throw new PaymentNotTakenException(command.txNo());
        } finally {
            MDC.remove("txNo");
        }
    }

    public Optional<PaymentView> find(String txNo) {
        return ledger.find(txNo).map(Payment::toView);
    }

    private TransactionSendResult sendHalfMessage(PaymentCommand command) {
        RechargeSucceeded event = new RechargeSucceeded(command.txNo(), command.accountNo(), command.amount(), Instant.now());
        try {
            return rocketMq.sendMessageInTransaction(DESTINATION,
                    MessageBuilder.withPayload(codec.encode(event)).setHeader(RocketMQHeaders.KEYS, command.txNo()).build(),
                    command);
        } catch (MessagingException e) {
            // The half message never reached the broker, so the local transaction never ran:
            // nothing was written, and the client may simply retry.
            throw new BrokerUnavailableException(e);
        }
    }

    private Optional<Outcome> replay(String idempotencyKey, String requestHash) {
        return ledger.findByIdempotencyKey(idempotencyKey).map(earlier -> {
            if (!requestHash.equals(earlier.getRequestHash())) {
                throw new IdempotencyKeyReusedException(idempotencyKey);
            }
            return new Outcome(earlier.toView(), true);
        });
    }

    /** Random and unguessable; the dedup key of the account side. */
    private static String newTxNo() {
        return UUID.randomUUID().toString();
    }

    /** Identifies a request body, so a reused Idempotency-Key with another body is caught. */
    static String hash(String accountNo, BigDecimal amount) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((accountNo + "\n" + amount.toPlainString()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
