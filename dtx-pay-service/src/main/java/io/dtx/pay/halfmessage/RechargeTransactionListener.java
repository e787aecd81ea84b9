package io.dtx.pay.halfmessage;

import io.dtx.pay.checkback.CheckBack;
import io.dtx.pay.payment.LocalCommitHook;
import io.dtx.pay.payment.PaymentCommand;
import io.dtx.pay.payment.PaymentLedger;
import io.dtx.web.journey.Journeys;
import io.dtx.web.journey.Milestone;
import org.apache.rocketmq.spring.annotation.RocketMQTransactionListener;
import org.apache.rocketmq.spring.core.RocketMQLocalTransactionListener;
import org.apache.rocketmq.spring.core.RocketMQLocalTransactionState;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.messaging.Message;

/**
 * The two callbacks of a RocketMQ transactional producer.
 *
 * <p>{@code executeLocalTransaction} runs right after the broker has stored the half message: it
 * commits the payment row, and its answer tells the broker to deliver (COMMIT) or drop
 * (ROLLBACK) the message. If that answer never arrives (the process died, the network dropped
 * it), the broker later calls {@code checkLocalTransaction}, possibly on another instance after a
 * restart. That answer therefore comes from the database, never from memory: see {@link CheckBack}.
 */
@RocketMQTransactionListener
class RechargeTransactionListener implements RocketMQLocalTransactionListener {

    private static final Logger log = LoggerFactory.getLogger(RechargeTransactionListener.class);

    private final PaymentLedger ledger;
    private final RechargeMessageCodec codec;
    private final LocalCommitHook afterCommit;
    private final CheckBack checkBack;
    private final Journeys journeys;

    RechargeTransactionListener(
            PaymentLedger ledger,
            RechargeMessageCodec codec,
            LocalCommitHook afterCommit,
            CheckBack checkBack,
            Journeys journeys) {
        this.ledger = ledger;
        this.codec = codec;
        this.afterCommit = afterCommit;
        this.checkBack = checkBack;
        this.journeys = journeys;
    }

    @Override
    public RocketMQLocalTransactionState executeLocalTransaction(Message msg, Object arg) {
        PaymentCommand command = (PaymentCommand) arg;
        journeys.record(command.txNo(), Milestone.HALF_MESSAGE_STORED, "");
        try {
            ledger.recordSucceeded(command);
        } catch (DuplicateKeyException e) {
            // Same idempotency key raced us, or a check-back already wrote a tombstone for this txNo.
            log.info(
                    "Payment not recorded, key taken: {}",
                    e.getMostSpecificCause().getMessage());
            journeys.record(command.txNo(), Milestone.ROLLBACK_SENT, "not recorded: key taken");
            return RocketMQLocalTransactionState.ROLLBACK;
        } catch (RuntimeException e) {
            // The commit may or may not have happened (a connection lost during COMMIT): only the
            // database knows, so let the check-back ask it instead of guessing ROLLBACK.
            log.warn("Local transaction failed, leaving the half message to the check-back", e);
            journeys.record(command.txNo(), Milestone.LEFT_TO_CHECK_BACK, "the local transaction failed");
            return RocketMQLocalTransactionState.UNKNOWN;
        }
        journeys.record(command.txNo(), Milestone.LOCAL_COMMIT, "payment row, with the half message");
        afterCommit.afterLocalCommit(command.txNo(), command.accountNo());
        journeys.record(command.txNo(), Milestone.COMMIT_SENT, "");
        return RocketMQLocalTransactionState.COMMIT;
    }

    @Override
    public RocketMQLocalTransactionState checkLocalTransaction(Message msg) {
        String txNo = (String) msg.getHeaders().get(RocketMQHeaders.PREFIX + RocketMQHeaders.KEYS);
        return checkBack.answer(txNo, () -> codec.readClaim(msg));
    }
}
