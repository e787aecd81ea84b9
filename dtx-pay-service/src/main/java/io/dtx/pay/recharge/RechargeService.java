package io.dtx.pay.recharge;

import io.dtx.contract.RechargeRules;
import io.dtx.pay.halfmessage.HalfMessagePublisher;
import io.dtx.pay.payment.Payment;
import io.dtx.pay.payment.PaymentCommand;
import io.dtx.pay.payment.PaymentLedger;
import io.dtx.pay.payment.PaymentView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

/**
 * Takes a recharge: replays an earlier one under the same Idempotency-Key, or publishes a new
 * payment with its message ({@link HalfMessagePublisher}: the payment row and the message commit
 * together) and then reads the row back: the database, not the producer's return value, says
 * whether the payment was taken (a lost COMMIT is settled later by the check-back).
 */
@Service
public class RechargeService {

    private static final Logger log = LoggerFactory.getLogger(RechargeService.class);

    private final HalfMessagePublisher publisher;
    private final PaymentLedger ledger;

    RechargeService(HalfMessagePublisher publisher, PaymentLedger ledger) {
        this.publisher = publisher;
        this.ledger = ledger;
    }

    /** The reply to a recharge: the payment, and whether it was taken before under the same key. */
    public record Outcome(PaymentView payment, boolean replayed) {}

    public Outcome recharge(RechargeRequest request, String idempotencyKey) {
        BigDecimal amount = request.amount().setScale(RechargeRules.AMOUNT_SCALE, RoundingMode.UNNECESSARY);
        String requestHash = hash(request.accountNo(), amount);
        Optional<Outcome> earlier = replay(request.accountNo(), idempotencyKey, requestHash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        PaymentCommand command =
                new PaymentCommand(newTxNo(), request.accountNo(), amount, idempotencyKey, requestHash);
        MDC.put("txNo", command.txNo());
        try {
            LocalTransactionState answered = publisher.publish(command);
            Optional<Payment> recorded = ledger.find(command.txNo()).filter(Payment::succeeded);
            if (recorded.isPresent()) {
                log.info(
                        "Recharge of {} to account {} paid (local transaction: {})",
                        amount,
                        command.accountNo(),
                        answered);
                return new Outcome(recorded.get().toView(), false);
            }
            // The usual cause: a concurrent request with the same key won the unique index.
            Optional<Outcome> winner = replay(request.accountNo(), idempotencyKey, requestHash);
            if (winner.isPresent()) {
                return winner.get();
            }
            log.warn("Recharge not taken: local transaction answered {}", answered);
            throw new PaymentNotTakenException(command.txNo());
        } finally {
            MDC.remove("txNo");
        }
    }

    public Optional<PaymentView> find(String txNo) {
        return ledger.find(txNo).map(Payment::toView);
    }

    private Optional<Outcome> replay(String accountNo, String idempotencyKey, String requestHash) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return ledger.findByIdempotencyKey(accountNo, idempotencyKey).map(earlier -> {
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
