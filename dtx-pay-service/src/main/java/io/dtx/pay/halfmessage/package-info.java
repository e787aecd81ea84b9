/**
 * The transactional (half) message: {@link io.dtx.pay.halfmessage.HalfMessagePublisher} sends it,
 * {@link io.dtx.pay.halfmessage.RechargeTransactionListener} commits the payment inside the send
 * and answers the broker.
 */
package io.dtx.pay.halfmessage;
