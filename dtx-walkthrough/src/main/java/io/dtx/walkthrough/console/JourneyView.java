package io.dtx.walkthrough.console;

import java.util.List;

/**
 * A payment's journey as the page shows it.
 *
 * @param state   {@code credited}, {@code refused} (rolled back, poison, kept) or {@code in flight}
 * @param waiting the steps expected but not seen yet, with how long they have been awaited
 */
record JourneyView(String txNo, String state, List<Step> steps, List<String> waiting) {}
