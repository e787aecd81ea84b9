package io.dtx.walkthrough.console;

import io.dtx.walkthrough.probe.Reply;
import io.dtx.walkthrough.stack.Workspace;
import io.dtx.walkthrough.words.Words;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What the page reads and what its buttons do, in plain Java: the server only moves JSON. Every
 * input is checked here before anything is sent on; a fault runs only while no other one does.
 */
final class ConsoleApi {

    /** A status and a body to send as JSON. */
    record Answer(int status, Object body) {}

    static final int JOURNEYS_SHOWN = 12;
    private static final Pattern ACCOUNT_NO = Pattern.compile("[A-Za-z0-9-]{1,32}");
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,2})?");
    private static final Pattern TX_NO = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final Workspace workspace;
    private final JourneyBook book;
    private final Picture picture;
    private final Faults faults;
    private final AtomicBoolean busy = new AtomicBoolean();
    /** Each recharge holds a console thread up to a minute: two at a time leave the page its reads. */
    private final Semaphore paying = new Semaphore(2);

    private final ArrayDeque<String> pressed = new ArrayDeque<>();
    private final Words words;

    ConsoleApi(Workspace workspace, JourneyBook book, Picture picture, Faults faults, Words words) {
        this.words = words;
        this.workspace = workspace;
        this.book = book;
        this.picture = picture;
        this.faults = faults;
    }

    /** The page's sentences in the console's language, with its tag for {@code <html lang>}. */
    Map<String, Object> words() {
        return Map.of("lang", words.languageTag(), "words", words.all());
    }

    Map<String, Object> state() {
        Instant now = Instant.now();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("publisher", workspace.publisher());
        state.put(
                "journeys",
                book.latest(JOURNEYS_SHOWN, now, words).stream()
                        .map(this::shown)
                        .toList());
        state.put("picture", picture.now());
        state.put("busy", busy.get() || faults.restarting());
        synchronized (pressed) {
            state.put("pressed", new ArrayList<>(pressed));
        }
        return state;
    }

    Answer press(String action, JsonNode body) {
        if (action.equals("recharges")) {
            String accountNo = body.path("accountNo").asString("");
            String amount = body.path("amount").asString("");
            if (!ACCOUNT_NO.matcher(accountNo).matches()
                    || !AMOUNT.matcher(amount).matches()) {
                return invalid("accountNo: 1-32 letters, digits or '-'; amount: up to 2 decimals, e.g. 100.00");
            }
            if (!paying.tryAcquire()) {
                return new Answer(409, problem(409, "Busy", "Two recharges are being paid; try again in a moment."));
            }
            try {
                return recharged(accountNo, amount, faults.recharge(accountNo, amount));
            } finally {
                paying.release();
            }
        }
        return switch (action) {
            case "faults/kill-pay-after-commit" -> fault(faults::killPayAfterCommit);
            case "faults/stop-account" -> fault(faults::stopAccount);
            case "faults/start-account" -> fault(faults::startAccount);
            case "faults/stop-broker" -> fault(faults::stopBroker);
            case "faults/start-broker" -> fault(faults::startBroker);
            case "faults/lock-hot-account" -> fault(() -> faults.lockHotAccount(Duration.ofSeconds(15)));
            case "faults/duplicate" -> duplicate(body.path("txNo").asString(""));
            default -> new Answer(404, problem(404, "Not found", "No button " + action + "."));
        };
    }

    private Answer recharged(String accountNo, String amount, Reply reply) {
        said(words.text("said.recharge", amount, accountNo, reply.status()));
        if (reply.status() < 0) {
            return new Answer(502, problem(502, "The pay service does not answer", reply.body()));
        }
        if (reply.status() >= 400) {
            return new Answer(reply.status(), problem(reply.status(), "The pay service refused it", reply.body()));
        }
        return new Answer(reply.status(), Map.of("status", reply.status(), "body", reply.body()));
    }

    private Answer duplicate(String txNo) {
        if (!TX_NO.matcher(txNo).matches()) {
            return invalid("txNo: the payment whose message to send again");
        }
        return fault(() -> faults.duplicate(txNo));
    }

    private Answer fault(Callable<Faults.Outcome> fault) {
        if (faults.restarting() || !busy.compareAndSet(false, true)) {
            return new Answer(409, problem(409, "Busy", "Another fault is being caused; try again in a moment."));
        }
        try {
            Faults.Outcome outcome = fault.call();
            said(outcome.message());
            return outcome.done()
                    ? new Answer(200, outcome)
                    : new Answer(409, problem(409, "Not done", outcome.message()));
        } catch (IOException | RuntimeException e) {
            said(words.text("said.failed", e.getMessage()));
            return new Answer(500, problem(500, "The fault could not be caused", e.getMessage()));
        } catch (Exception e) {
            return new Answer(500, problem(500, "The fault could not be caused", e.toString()));
        } finally {
            busy.set(false);
        }
    }

    private void said(String message) {
        synchronized (pressed) {
            pressed.addFirst(Instant.now() + "  " + message);
            while (pressed.size() > 10) {
                pressed.removeLast();
            }
        }
    }

    private static Answer invalid(String detail) {
        return new Answer(400, problem(400, "Invalid request", detail));
    }

    /** An RFC 9457 problem body; without a detail, the title stands for it. */
    static Map<String, Object> problem(int status, String title, String detail) {
        return Map.of(
                "type", "about:blank", "title", title, "status", status, "detail", detail == null ? title : detail);
    }

    /** A journey as the page draws it: times as text, and each step's distance from the first. */
    private Map<String, Object> shown(JourneyView journey) {
        Instant start = journey.steps().isEmpty()
                ? Instant.now()
                : journey.steps().get(0).at();
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Step step : journey.steps()) {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("at", step.at().toString());
            shown.put("plusMs", Duration.between(start, step.at()).toMillis());
            shown.put("service", step.service());
            shown.put("milestone", step.milestone());
            shown.put("label", words.textOr("milestone." + step.milestone(), step.label()));
            shown.put("detail", step.detail());
            steps.add(shown);
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("txNo", journey.txNo());
        shown.put("state", journey.state());
        shown.put("steps", steps);
        shown.put("waiting", journey.waiting());
        return shown;
    }
}
