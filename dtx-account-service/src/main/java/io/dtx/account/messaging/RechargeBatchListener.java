package io.dtx.account.messaging;

import io.dtx.account.credit.AppliedBy;
import io.dtx.account.credit.CreditService;
import io.dtx.account.credit.NotAllFirstCreditsException;
import io.dtx.contract.RechargeSucceeded;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * The consumer's listener when the broker hands over several messages of one queue at a time
 * ({@code dtx.account.consumer.batch-size} over 1; installed by {@link RechargeSucceededListener}).
 *
 * <p>Under load, a batch of plain first credits is credited in one transaction
 * ({@link CreditService#applyAll}): one commit for all. Anything else (a poison message, a
 * payment credited before, an unknown account, the database failing) and the batch goes one by
 * one, each message exactly as the one-at-a-time listener handles it. The broker is then told
 * which came through: all those before the first failure. The failed one and those after it come
 * back later (those that did succeed come back as "already credited", harmless), so a message is
 * tried each time round, whatever another one's trouble, with two exceptions that would only
 * wait in vain: the other payments of an account whose credit just timed out, and everything
 * after a failure to reach the database, come back untried.
 */
class RechargeBatchListener implements MessageListenerConcurrently {

    private static final Logger log = LoggerFactory.getLogger(RechargeBatchListener.class);

    private final RechargeMessageHandler handler;
    private final CreditService credits;

    RechargeBatchListener(RechargeMessageHandler handler, CreditService credits) {
        this.handler = handler;
        this.credits = credits;
    }

    @Override
    public ConsumeConcurrentlyStatus consumeMessage(List<MessageExt> batch, ConsumeConcurrentlyContext context) {
        batch.forEach(handler::recordDelivery);
        if (batch.size() > 1 && creditedTogether(batch)) {
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        }
        context.setAckIndex(creditEach(batch) - 1);
        return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
    }

    private boolean creditedTogether(List<MessageExt> batch) {
        List<RechargeSucceeded> payments = new ArrayList<>(batch.size());
        for (MessageExt message : batch) {
            Optional<RechargeSucceeded> payment = handler.readQuietly(message);
            if (payment.isEmpty()) {
                return false; // one by one sets the poison one aside and credits the others
            }
            payments.add(payment.get());
        }
        try {
            credits.applyAll(payments, AppliedBy.MESSAGE);
            return true;
        } catch (NotAllFirstCreditsException e) {
            log.info("{} messages credited one by one: {}", batch.size(), e.getMessage());
        } catch (RuntimeException e) {
            log.warn("{} messages credited one by one after a failed batch: {}", batch.size(), e.toString());
        }
        return false;
    }

    /** Each message on its own; the index of the first that failed, or the batch's size if none did. */
    private int creditEach(List<MessageExt> batch) {
        int firstFailed = batch.size();
        // An account whose credit just timed out (a lock, a slow statement): its other payments here
        // would wait as long again, so they go back to the broker untried.
        Set<String> stuckAccounts = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            MessageExt message = batch.get(i);
            String accountNo = null;
            try {
                Optional<RechargeSucceeded> payment = handler.readOrSetAside(message);
                if (payment.isEmpty()) {
                    continue;
                }
                accountNo = payment.get().accountNo();
                if (stuckAccounts.contains(accountNo)) {
                    throw new IllegalStateException("account " + accountNo + " timed out a moment ago");
                }
                handler.credit(message, payment.get());
            } catch (RuntimeException e) {
                log.warn("Credit of {} failed, redelivered later: {}", message.getKeys(), e.toString());
                firstFailed = Math.min(firstFailed, i);
                if (isUnreachable(e)) {
                    break; // the database cannot be reached: the others would wait as long, and fail too
                }
                if (accountNo != null && isTimeout(e)) {
                    stuckAccounts.add(accountNo);
                }
            }
        }
        return firstFailed;
    }

    /** No connection to be had: a transaction could not begin, or a statement found no database. */
    private static boolean isUnreachable(RuntimeException e) {
        return e instanceof CannotCreateTransactionException || e instanceof DataAccessResourceFailureException;
    }

    private static boolean isTimeout(RuntimeException e) {
        return e instanceof TransientDataAccessException || e instanceof TransactionTimedOutException;
    }
}
