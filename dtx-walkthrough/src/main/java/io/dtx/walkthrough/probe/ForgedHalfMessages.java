package io.dtx.walkthrough.probe;

import io.dtx.contract.Messaging;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * Half messages from an outsider who joins the pay service's producer group, never settles them
 * and leaves: the broker then asks the pay service about payments it never made. Its check-back
 * must write nothing for an unsigned half message, and answer ROLLBACK.
 */
public final class ForgedHalfMessages {

    private ForgedHalfMessages() {}

    /** Sends each copy as an unsigned half message, leaves it UNKNOWN, and leaves the group. */
    public static int send(String namesrvAddr, List<Redelivery.Copy> copies) {
        TransactionMQProducer outsider = new TransactionMQProducer(Messaging.PAY_PRODUCER_GROUP);
        outsider.setNamesrvAddr(namesrvAddr);
        outsider.setInstanceName("dtx-walkthrough-forger");
        outsider.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
                return LocalTransactionState.UNKNOW;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt message) {
                return LocalTransactionState.UNKNOW;
            }
        });
        try {
            outsider.start();
            for (Redelivery.Copy copy : copies) {
                outsider.sendMessageInTransaction(
                        new Message(
                                Messaging.RECHARGE_TOPIC,
                                Messaging.RECHARGE_SUCCEEDED_TAG,
                                copy.txNo(),
                                copy.body().getBytes(StandardCharsets.UTF_8)),
                        null);
            }
            return copies.size();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send the forged half messages: " + e.getMessage(), e);
        } finally {
            outsider.shutdown();
        }
    }
}
