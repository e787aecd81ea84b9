/**
 * The recharge consumer: reads each message, credits it through {@code credit}, and sets aside as
 * poison what can never be credited, so the broker stops redelivering it and a person can look.
 */
package io.dtx.account.messaging;
