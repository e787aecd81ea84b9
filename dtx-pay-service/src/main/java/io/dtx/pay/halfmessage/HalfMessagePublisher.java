package io.dtx.pay.halfmessage;

import io.dtx.contract.RechargeSucceeded;
import io.dtx.pay.payment.PaymentCommand;
import io.dtx.pay.payment.PaymentPublisher;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
 *
 * <p>The default publisher ({@code dtx.pay.publisher=transactional}). While the broker is down it
 * takes no payments: the half message must be stored before the payment is written.
 */
@Component
@ConditionalOnProperty(name = "dtx.pay.publisher", havingValue = "transactional", matchIfMissing = true)
public class HalfMessagePublisher implements PaymentPublisher {

    private final RocketMQTemplate rocketMq;
    private final RechargeMessageCodec codec;

    HalfMessagePublisher(RocketMQTemplate rocketMq, RechargeMessageCodec codec) {
        this.rocketMq = rocketMq;
        this.codec = codec;
    }

    /**
     * Sends the half message and runs the local transaction; true if that answered COMMIT. Any
     * other answer (ROLLBACK, UNKNOWN) leaves the question to the database.
     *
     * @throws BrokerUnavailableException if the broker did not store the half message (then the
     *         local transaction never ran and nothing was written)
     */
    @Override
    public boolean publish(PaymentCommand command) {
        RechargeSucceeded event = command.announcement();
        try {
            return rocketMq.sendMessageInTransaction(codec.destination(), codec.toMessage(event), command)
                            .getLocalTransactionState()
                    == LocalTransactionState.COMMIT_MESSAGE;
        } catch (MessagingException e) {
            throw new BrokerUnavailableException(e);
        }
    }
}
