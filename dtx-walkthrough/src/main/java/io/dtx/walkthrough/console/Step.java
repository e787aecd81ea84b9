package io.dtx.walkthrough.console;

import java.time.Instant;

/**
 * One moment of a payment's journey, as a service told it on {@code GET /journeys}.
 *
 * @param milestone the service's name for the moment (see dtx-web's {@code Milestone})
 */
record Step(Instant at, String service, String txNo, String milestone, String label, String detail) {}
