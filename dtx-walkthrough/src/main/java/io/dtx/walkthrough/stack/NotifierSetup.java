package io.dtx.walkthrough.stack;

import java.time.Duration;

/**
 * How the walkthrough runs the notifier: whom it calls back, on which schedule, how fast.
 *
 * @param receiverUrl where the account service's callbacks go (its endpoint, or a gate in front of it)
 * @param schedule    a preset or a list (see the notifier's {@code Schedule})
 * @param timeScale   1/3600 runs an hour of the schedule in a second
 * @param timeout     a receiver that has not answered by then has failed (the lease is this plus 7 s)
 */
public record NotifierSetup(String receiverUrl, String schedule, double timeScale, Duration timeout) {}
