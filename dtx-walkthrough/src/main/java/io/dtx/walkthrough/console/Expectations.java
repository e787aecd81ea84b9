package io.dtx.walkthrough.console;

import io.dtx.walkthrough.words.Words;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a journey should show next and does not yet: "waiting for the broker's check-back, 3 s".
 * Read from the steps alone, so every publisher's journey is judged by the same rules: a payment
 * taken must be sent, a message sent must be delivered, a payment taken must be credited.
 */
final class Expectations {

    private Expectations() {}

    /** The lines in {@code words}' language ({@code waiting.*} of the console's sentences). */
    static List<String> waiting(List<Step> steps, Instant now, Words words) {
        List<String> waiting = new ArrayList<>();
        if (ended(steps)) {
            return waiting;
        }
        Optional<Step> half = first(steps, "HALF_MESSAGE_STORED");
        Optional<Step> commit = first(steps, "LOCAL_COMMIT");
        boolean committedByCheckBack = checkBackAnswered(steps, "answered COMMIT");
        // An UNKNOWN answer (the database was unreachable) decides nothing: the broker asks again.
        if (half.isPresent() && !has(steps, "COMMIT_SENT") && !committedByCheckBack) {
            waiting.add(words.text("waiting.decision", since(half.get(), now, words)));
        }
        Optional<Step> taken = commit.isPresent() ? commit : committedByCheckBack ? half : Optional.empty();
        if (taken.isEmpty()) {
            return waiting;
        }
        String how = commit.map(Step::detail).orElse("");
        if (how.contains("mq_notify") && !has(steps, "OUTBOX_SENT")) {
            waiting.add(words.text("waiting.outbox", since(taken.get(), now, words)));
        } else if (how.contains("binlog") && !has(steps, "RELAYED_FROM_BINLOG")) {
            waiting.add(words.text("waiting.relay", since(taken.get(), now, words)));
        } else if (!has(steps, "DELIVERED") && !calledBack(steps)) {
            waiting.add(words.text("waiting.delivery", since(taken.get(), now, words)));
        }
        if (has(steps, "NOTIFICATION_GIVEN_UP")) {
            waiting.add(words.text("waiting.gaveUp"));
        }
        waiting.add(words.text("waiting.credit", since(taken.get(), now, words)));
        return waiting;
    }

    /** Credited, or refused for good: nothing more is expected. */
    static boolean ended(List<Step> steps) {
        return has(steps, "CREDITED") || has(steps, "DUPLICATE_REFUSED") || refused(steps);
    }

    static boolean refused(List<Step> steps) {
        return has(steps, "ROLLBACK_SENT")
                || has(steps, "POISON")
                || has(steps, "KEPT_BY_RELAY")
                || checkBackAnswered(steps, "answered ROLLBACK");
    }

    /** Also the {@code _UNSIGNED} answers: the broker acts on them alike. */
    private static boolean checkBackAnswered(List<Step> steps, String answer) {
        return steps.stream()
                .anyMatch(s -> s.milestone().equals("CHECK_BACK") && s.detail().startsWith(answer));
    }

    /** The notifier's callback reached the account service (scheme 2: no message is consumed). */
    private static boolean calledBack(List<Step> steps) {
        return steps.stream()
                .anyMatch(s -> s.milestone().equals("NOTIFICATION_ATTEMPT")
                        && s.detail().endsWith("-> delivered"));
    }

    private static boolean has(List<Step> steps, String milestone) {
        return first(steps, milestone).isPresent();
    }

    private static Optional<Step> first(List<Step> steps, String milestone) {
        return steps.stream().filter(s -> s.milestone().equals(milestone)).findFirst();
    }

    private static String since(Step step, Instant now, Words words) {
        return words.text(
                "waiting.seconds", Math.max(0, Duration.between(step.at(), now).toSeconds()));
    }
}
