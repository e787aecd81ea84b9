/**
 * The pay service ("bank 2", database {@code bank1_pay}): takes a recharge and commits the payment
 * together with a RocketMQ transactional (half) message. Start reading at {@code recharge}.
 */
package io.dtx.pay;
