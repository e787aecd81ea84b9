package io.dtx.pay.halfmessage;

import io.dtx.contract.Messaging;
import io.dtx.contract.RechargeSucceeded;
import io.dtx.pay.payment.PaymentCommand;
import java.time.Instant;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.springframework.messaging.MessagingException;
import org.springframework.stereotype.Component;

/**
 * Publishes a payment as a RocketMQ transactional (half) message; the payment's local transaction
 * runs inside the send.
 *
 * <ol>
 *   <li>The half message goes to the broker first: stored, invisible to consumers.</li>
 *   <li>The producer then calls {@link RechargeTransactionListener#executeLocalTransaction}, which
 *       commits the payment row and answers COMMIT (or ROLLBACK); the broker delivers (or drops)
 *       the message accordingly.</li>
 *   <li>If that answer is lost, the broker asks the producer group later: the check-back
 *       ({@link RechargeTransactionListener#checkLocalTransaction}).</li>
 * </ol>
 */
@Component
public class HalfMessagePublisher {

    private final RocketMQTemplate rocketMq;
    private final RechargeMessageCodec codec;

    HalfMessagePublisher(RocketMQTemplate rocketMq, RechargeMessageCodec codec) {
        this.rocketMq = rocketMq;
        this.codec = codec;
    }

    /**
     * Sends the half message and runs the local transaction; returns what the local transaction
     * answered. Only the database can say for sure whether the payment was taken.
     *
     * @throws BrokerUnavailableException if the broker did not store the half message (then the
     *         local transaction never ran and nothing was written)
     */
    public LocalTransactionState publish(PaymentCommand command) {
        RechargeSucceeded event =
                new RechargeSucceeded(command.txNo(), command.accountNo(), command.amount(), Instant.now());
        try {
            return rocketMq.sendMessageInTransaction(
                            Messaging.RECHARGE_SUCCEEDED_DESTINATION, codec.toMessage(event), command)
                    .getLocalTransactionState();
        } catch (MessagingException e) {
            throw new BrokerUnavailableException(e);
        }
    }
}
