package io.dtx.pay.payment;

/**
 * How a new payment is taken and made known to the account side. Each pattern of the family is
 * one implementation, chosen by {@code dtx.pay.publisher}: the transactional (half) message, the
 * local message table ({@code outbox}), or the payment row alone ({@code binlog}), which the binlog
 * relay publishes from the database's binary log. All of them publish the same signed
 * {@code RechargeSucceeded} on the same topic, so the account side cannot tell them apart.
 */
public interface PaymentPublisher {

    /**
     * Writes the payment (and whatever the pattern needs with it) in one local transaction.
     *
     * @return true if that transaction certainly committed; false if it may not have, in which case
     *         the caller asks the database ({@link PaymentLedger#settle}), which always knows
     */
    boolean publish(PaymentCommand command);
}
