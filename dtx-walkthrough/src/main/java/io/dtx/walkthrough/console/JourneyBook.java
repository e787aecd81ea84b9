package io.dtx.walkthrough.console;

import io.dtx.walkthrough.words.Words;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every service's steps, merged by payment: the console's own copy, so a journey keeps what a
 * service told before it crashed. The latest payments only: a page is not an archive.
 */
final class JourneyBook {

    static final int KEPT_PAYMENTS = 500;

    private final Map<String, List<Step>> byTxNo = new LinkedHashMap<>();

    synchronized void add(List<Step> steps) {
        for (Step step : steps) {
            byTxNo.computeIfAbsent(step.txNo(), tx -> new ArrayList<>()).add(step);
        }
        while (byTxNo.size() > KEPT_PAYMENTS) {
            byTxNo.remove(byTxNo.keySet().iterator().next());
        }
    }

    /** The payments most recently begun first, each with its steps in time order. */
    synchronized List<JourneyView> latest(int limit, Instant now, Words words) {
        List<JourneyView> views = new ArrayList<>();
        List<String> txNos = new ArrayList<>(byTxNo.keySet());
        for (int i = txNos.size() - 1; i >= 0 && views.size() < limit; i--) {
            views.add(view(txNos.get(i), now, words));
        }
        return views;
    }

    synchronized boolean has(String txNo, String milestone) {
        return byTxNo.containsKey(txNo) && has(byTxNo.get(txNo), milestone);
    }

    private JourneyView view(String txNo, Instant now, Words words) {
        List<Step> steps = new ArrayList<>(byTxNo.get(txNo));
        steps.sort(Comparator.comparing(Step::at));
        String state = Expectations.refused(steps) && !has(steps, "CREDITED")
                ? "refused"
                : has(steps, "CREDITED") ? "credited" : "in flight";
        return new JourneyView(txNo, state, steps, Expectations.waiting(steps, now, words));
    }

    private static boolean has(List<Step> steps, String milestone) {
        return steps.stream().anyMatch(s -> s.milestone().equals(milestone));
    }
}
