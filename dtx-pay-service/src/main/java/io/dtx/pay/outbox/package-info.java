/**
 * The local message table ({@code mq_notify}): the payment and its message row commit together,
 * a relay sends the row afterwards and retries until the broker acknowledged it. Chosen with
 * {@code dtx.pay.publisher=outbox}; the relay runs whatever the publisher, so rows left from an
 * earlier outbox period still go out.
 */
package io.dtx.pay.outbox;
