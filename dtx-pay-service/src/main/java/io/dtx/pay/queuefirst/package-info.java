/**
 * "Write the queue first": {@code POST /pay/recharge-requests} writes the request to the broker
 * and nothing else; the pay service pays it when it consumes it (idempotent by request id) and
 * publishes the result through the local message table. The client gets {@code 202} and polls.
 */
package io.dtx.pay.queuefirst;
