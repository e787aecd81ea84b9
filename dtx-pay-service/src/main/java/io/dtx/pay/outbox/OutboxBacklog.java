package io.dtx.pay.outbox;

import java.time.Duration;

/**
 * What the local message table still owes.
 *
 * @param pending rows the broker has not acknowledged yet
 * @param gaveUp  rows out of sends: each waits for a person
 * @param lag     age of the oldest pending row (zero when none)
 */
public record OutboxBacklog(long pending, long gaveUp, Duration lag) {}
