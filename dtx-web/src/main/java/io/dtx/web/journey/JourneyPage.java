package io.dtx.web.journey;

import java.util.List;

/**
 * The steps after a given number, with who told them.
 *
 * @param instance changes when the process restarts, so that a reader starts again from 0
 * @param last     the number to ask after next time
 */
public record JourneyPage(String service, String instance, long last, List<JourneyStep> steps) {}
