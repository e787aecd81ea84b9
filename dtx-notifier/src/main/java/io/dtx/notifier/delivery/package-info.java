/**
 * The attempts: the dispatcher claims what is due, calls each receiver (signed), and moves each
 * notification on by what the receiver answered and what its schedule says.
 */
package io.dtx.notifier.delivery;
