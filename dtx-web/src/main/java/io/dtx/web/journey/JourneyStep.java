package io.dtx.web.journey;

import java.time.Instant;

/**
 * One moment of one payment, as the service that saw it tells it.
 *
 * @param seq    this process's running number of the step, for reading on from it
 * @param detail what the moment says besides its name: an answer, a path, a status code
 */
public record JourneyStep(long seq, Instant at, String txNo, Milestone milestone, String label, String detail) {}
