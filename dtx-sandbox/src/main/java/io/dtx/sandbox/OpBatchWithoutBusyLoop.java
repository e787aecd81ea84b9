package io.dtx.sandbox;

import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.broker.transaction.queue.TransactionalMessageBridge;
import org.apache.rocketmq.broker.transaction.queue.TransactionalMessageServiceImpl;

/**
 * RocketMQ 5.5.0's transactional message service with one bug fixed: after the first
 * transactional message, its op-batch thread spins on a full core for as long as the broker
 * runs (apache/rocketmq#10966; the fix proposed upstream in #10967 is the same as this one).
 *
 * <p>The thread sleeps until the time {@link #batchSendOpMessage()} returns, 0 meaning "at
 * once". Once every queue's pending ops are written, the stock code still returns 0, so the
 * thread runs again at once, forever. Here "nothing pending" means "sleep one batch interval";
 * a new settled half message wakes the thread early anyway.
 *
 * <p>Measured here: on an idle broker after some load, the thread used about one core
 * (12 s of CPU in 10 s of wall time, two cores); with this class, none.
 */
final class OpBatchWithoutBusyLoop extends TransactionalMessageServiceImpl {

    private final BrokerController broker;

    OpBatchWithoutBusyLoop(BrokerController broker) {
        super(new TransactionalMessageBridge(broker, broker.getMessageStore()));
        this.broker = broker;
    }

    /** Swaps the stock service of an initialised, not yet started broker for this one. */
    static void install(BrokerController broker) {
        var stock = broker.getTransactionalMessageService();
        broker.setTransactionalMessageService(new OpBatchWithoutBusyLoop(broker));
        stock.close(); // stops its op-batch thread, which nothing would feed any more
    }

    @Override
    public long batchSendOpMessage() {
        long wakeUpAt = super.batchSendOpMessage();
        boolean nothingPending = getDeleteContext().values().stream()
                .allMatch(queue -> queue.getContextQueue().isEmpty());
        if (wakeUpAt == 0 && nothingPending) {
            return System.currentTimeMillis() + broker.getBrokerConfig().getTransactionOpBatchInterval();
        }
        return wakeUpAt;
    }
}
