package io.dtx.account.callback;

/** A callback that does not prove it came from the notifier, now: unsigned, stale, forged or replayed (401). */
public class CallbackRefusedException extends RuntimeException {

    private final String reason;

    CallbackRefusedException(String reason) {
        super("Callback refused: " + reason + "; nothing was credited");
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
