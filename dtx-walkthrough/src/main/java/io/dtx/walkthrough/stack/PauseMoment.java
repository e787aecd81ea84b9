package io.dtx.walkthrough.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the pay service (with its lab profile's pauses on) holds still while the trigger file names
 * that moment, so that the walkthrough can kill it right there. See the pay service's LabPauses.
 */
public enum PauseMoment {

    /** A payment committed; COMMIT not sent to the broker (half message), or its row not sent (outbox). */
    AFTER_LOCAL_COMMIT("after-local-commit"),
    /** The broker acknowledged an outbox row's message; the row is not marked finished. */
    AFTER_SEND("after-send"),
    /** A queue-first request's payment is written in its transaction, not committed. */
    BEFORE_REQUEST_COMMIT("before-request-commit");

    private final String word;

    PauseMoment(String word) {
        this.word = word;
    }

    /** From now on, every payment that reaches this moment waits there (and names itself in the marker). */
    public void pauseAt(Workspace workspace) throws IOException {
        Files.deleteIfExists(workspace.pausedMarker());
        Files.writeString(workspace.pauseTrigger(), word);
    }

    /** The txNo or request id the pay service last held at the moment asked for; empty if none. */
    public static String paused(Workspace workspace) {
        try {
            Path marker = workspace.pausedMarker();
            return Files.exists(marker) ? Files.readString(marker).strip() : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Lets every paused payment go on, and forgets which one was held. */
    public static void resume(Workspace workspace) throws IOException {
        Files.deleteIfExists(workspace.pauseTrigger());
        Files.deleteIfExists(workspace.pausedMarker());
    }
}
