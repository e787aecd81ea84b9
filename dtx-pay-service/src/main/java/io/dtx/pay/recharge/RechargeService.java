package io.dtx.pay.recharge;

import io.dtx.pay.payment.Payment;
import io.dtx.pay.payment.PaymentCommand;
import io.dtx.pay.payment.PaymentLedger;
import io.dtx.pay.payment.PaymentLedger.Fate;
import io.dtx.pay.payment.PaymentPublisher;
import io.dtx.pay.payment.PaymentResult;
import io.dtx.pay.payment.PaymentView;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;

/**
 * Takes a recharge: replays an earlier one under the same Idempotency-Key, or publishes a new
 * payment through the configured {@link PaymentPublisher} (the payment row and its message, or
 * the promise of one, commit together). The reply tells the client only what is known: taken
 * (the local transaction committed), not taken (a tombstone makes sure it never will be), or,
 * when the database cannot be asked, that the outcome is unknown, with the txNo and how to find
 * out.
 */
@Service
public class RechargeService {

    private static final Logger log = LoggerFactory.getLogger(RechargeService.class);

    private final PaymentPublisher publisher;
    private final PaymentLedger ledger;

    RechargeService(PaymentPublisher publisher, PaymentLedger ledger) {
        this.publisher = publisher;
        this.ledger = ledger;
    }

    /** The reply to a recharge: the payment, and whether it was taken before under the same key. */
    public record Outcome(PaymentView payment, boolean replayed) {}

    public Outcome recharge(RechargeRequest request, String idempotencyKey) {
        BigDecimal amount = request.exactAmount();
        String requestHash = hash(request.accountNo(), amount);
        Optional<Outcome> earlier = replay(request.accountNo(), idempotencyKey, requestHash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        PaymentCommand command =
                new PaymentCommand(newTxNo(), request.accountNo(), amount, idempotencyKey, requestHash);
        MDC.put("txNo", command.txNo());
        try {
            boolean committed = publisher.publish(command);
            if (committed || settle(command) == Fate.COMMITTED) {
                log.info(
                        "Recharge of {} to account {} paid{}",
                        amount,
                        command.accountNo(),
                        committed ? "" : " (found committed on asking the database)");
                return new Outcome(taken(command), false);
            }
            // Certainly not taken. The usual cause: a concurrent request with the same key won.
            return replay(request.accountNo(), idempotencyKey, requestHash).orElseThrow(() -> {
                log.warn("Recharge not taken: its local transaction did not commit");
                return new PaymentNotTakenException(command.txNo());
            });
        } finally {
            MDC.remove("txNo");
        }
    }

    /**
     * The local transaction did not answer COMMIT: ask the database now, as the broker's
     * check-back will. That answer is definite (a tombstone stops a late commit) unless the
     * database cannot be asked; only then is the outcome unknown.
     */
    private Fate settle(PaymentCommand command) {
        try {
            return ledger.settle(command.txNo(), command.accountNo(), command.amount());
        } catch (DataAccessException | TransactionException e) {
            throw new PaymentOutcomeUnknownException(command.txNo(), command.idempotencyKey() != null, e);
        }
    }

    /** The committed payment as stored; as commanded if it cannot be read back right now. */
    private PaymentView taken(PaymentCommand command) {
        try {
            Optional<PaymentView> stored = ledger.find(command.txNo()).map(Payment::toView);
            if (stored.isPresent()) {
                return stored.get();
            }
        } catch (DataAccessException | TransactionException e) {
            log.warn("Payment committed, but could not be read back: answering from the request", e);
        }
        return new PaymentView(
                command.txNo(), command.accountNo(), command.amount(), PaymentResult.SUCCESS, Instant.now());
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
    public static String hash(String accountNo, BigDecimal amount) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((accountNo + "\n" + amount.toPlainString()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
