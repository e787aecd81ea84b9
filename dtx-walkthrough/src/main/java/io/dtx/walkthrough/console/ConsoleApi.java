package io.dtx.walkthrough.console;

import io.dtx.walkthrough.probe.Reply;
import io.dtx.walkthrough.stack.Workspace;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
    private final ArrayDeque<String> pressed = new ArrayDeque<>();

    ConsoleApi(Workspace workspace, JourneyBook book, Picture picture, Faults faults) {
        this.workspace = workspace;
        this.book = book;
        this.picture = picture;
        this.faults = faults;
    }

    Map<String, Object> state() {
        Instant now = Instant.now();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("publisher", workspace.publisher());
        state.put(
                "journeys",
                book.latest(JOURNEYS_SHOWN, now).stream().map(ConsoleApi::shown).toList());
        state.put("picture", picture.now());
        state.put("busy", busy.get());
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
            Reply reply = faults.recharge(accountNo, amount);
            said("recharge of " + amount + " to account " + accountNo + ": " + reply.status());
            return new Answer(
                    reply.status() < 0 ? 502 : reply.status(), Map.of("status", reply.status(), "body", reply.body()));
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

    private Answer duplicate(String txNo) {
        if (!TX_NO.matcher(txNo).matches()) {
            return invalid("txNo: the payment whose message to send again");
        }
        return fault(() -> faults.duplicate(txNo));
    }

    private Answer fault(Callable<Faults.Outcome> fault) {
        if (!busy.compareAndSet(false, true)) {
            return new Answer(409, problem(409, "Busy", "Another fault is being caused; try again in a moment."));
        }
        try {
            Faults.Outcome outcome = fault.call();
            said(outcome.message());
            return new Answer(outcome.done() ? 200 : 409, outcome);
        } catch (IOException | RuntimeException e) {
            said("failed: " + e.getMessage());
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

    private static Map<String, Object> problem(int status, String title, String detail) {
        return Map.of("type", "about:blank", "title", title, "status", status, "detail", String.valueOf(detail));
    }

    /** A journey as the page draws it: times as text, and each step's distance from the first. */
    private static Map<String, Object> shown(JourneyView journey) {
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
            shown.put("label", step.label());
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
