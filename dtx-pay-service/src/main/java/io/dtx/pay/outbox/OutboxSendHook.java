package io.dtx.pay.outbox;

/**
 * Called after the broker acknowledged a row's message and before the row is marked
 * {@code finish}: the moment at which a crash makes the relay send the row again. The default does
 * nothing; the fault tests hook in here to fail at that moment.
 */
@FunctionalInterface
public interface OutboxSendHook {

    void afterSend(String txNo);
}
