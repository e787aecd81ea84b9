package io.dtx.walkthrough.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.dtx.walkthrough.FreePorts;
import io.dtx.walkthrough.probe.Databases;
import io.dtx.walkthrough.probe.Http;
import io.dtx.walkthrough.probe.ReceiverGate;
import io.dtx.walkthrough.probe.Reply;
import io.dtx.walkthrough.probe.Waits;
import io.dtx.walkthrough.stack.LocalStack;
import io.dtx.walkthrough.stack.NotifierSetup;
import io.dtx.walkthrough.stack.StackProfile;
import io.dtx.walkthrough.stack.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The notifier SIGKILLed again and again in the middle of its schedules, with the receiver down
 * throughout and slow to answer, so that kills land mid-call. Each notification must still make
 * every attempt of its schedule (none skipped, each recorded once), the receiver must see each at
 * least once and no more than once per kill beyond that, and the query path must credit every
 * payment once. Verdicts come from the receiver's own record and the databases.
 */
class NotifierKillsIntegrationTests {

    private static final int PAYMENTS = 20;
    private static final int KILLS = 2;
    /** Seven attempts a minute apart, run 20 times faster: 3 s apart, 18 s in all. */
    private static final String SCHEDULE = "1m,1m,1m,1m,1m,1m";

    private static final int ATTEMPTS = 7;

    private static Workspace workspace;
    private static LocalStack stack;
    private static Databases db;
    private static Http http;
    private static ReceiverGate gate;

    @BeforeAll
    static void startStack() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        workspace =
                FreePorts.workspace(root, Path.of("target", "notifier-kills-it").toAbsolutePath());
        stack = new LocalStack(workspace, StackProfile.CHAOS);
        stack.callbacksOnly(true); // scheme 2 alone: no credit comes by the broker consumer
        stack.start();
        db = new Databases(stack);
        http = new Http(stack.serviceToken());
        gate = new ReceiverGate(workspace.accountUrl() + "/accounts/callbacks/recharges");
        gate.shut(true);
        gate.holdEachCall(Duration.ofSeconds(1));
        stack.notifier().start(new NotifierSetup(gate.url(), SCHEDULE, 1.0 / 20, Duration.ofSeconds(3)));
    }

    @AfterAll
    static void stopStack() {
        if (gate != null) {
            gate.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void killedMidScheduleEveryNotificationStillMakesEachAttemptOnceAndNothingIsLost() {
        Instant opened = Instant.now().minusSeconds(1);
        List<String> txNos = pay();
        assertThat(Waits.eventually(Duration.ofSeconds(30), () -> notifications() == PAYMENTS))
                .as("one notification per payment")
                .isTrue();

        Random random = new Random(42);
        for (int i = 0; i < KILLS; i++) {
            Waits.sleep(2_000 + random.nextInt(2_000));
            stack.notifier().kill();
            stack.notifier().restart();
        }

        assertThat(Waits.eventually(Duration.ofSeconds(180), () -> givenUp() == PAYMENTS))
                .as("every schedule ran to its end")
                .isTrue();
        assertEveryAttemptMadeOnceAndCutOffCallsMadeAgain(txNos);

        // The query backs it all: reconciliation credited every payment, once.
        assertThat(Waits.eventually(Duration.ofSeconds(60), () -> credited(txNos) == PAYMENTS))
                .isTrue();
        // A person replays the range once the receiver is back: delivered, nothing credited twice.
        gate.shut(false);
        Reply replay = http.post(
                workspace.notifierUrl() + "/notifier/replays?from=" + opened + "&to="
                        + Instant.now().plusSeconds(1),
                "",
                null);
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        assertThat(Waits.eventually(Duration.ofSeconds(60), () -> delivered() == PAYMENTS))
                .isTrue();
        assertThat(Waits.stays(Duration.ofSeconds(2), () -> credited(txNos) == PAYMENTS))
                .isTrue();
        assertThat(db.scalar(
                        "bank1",
                        "SELECT COUNT(*) FROM de_duplication WHERE tx_no IN (" + quoted(txNos) + ")",
                        Long.class))
                .isEqualTo(PAYMENTS);
    }

    private static void assertEveryAttemptMadeOnceAndCutOffCallsMadeAgain(List<String> txNos) {
        int interrupted = 0;
        for (String txNo : txNos) {
            List<Integer> logged = attemptsLogged(txNo);
            assertThat(logged)
                    .as(txNo + ": every attempt, each once")
                    .containsExactlyElementsOf(
                            IntStream.rangeClosed(1, ATTEMPTS).boxed().toList());
            int calls = gate.calls(txNo).size();
            assertThat(calls).as(txNo + ": calls the receiver saw").isBetween(ATTEMPTS, ATTEMPTS + KILLS);
            interrupted += calls - logged.size();
        }
        assertThat(interrupted)
                .as("calls a kill cut off, then made again (the fault really hit mid-call)")
                .isPositive();
    }

    private static List<String> pay() {
        List<String> txNos = new ArrayList<>();
        for (int i = 0; i < PAYMENTS; i++) {
            Reply created =
                    http.post(workspace.payUrl() + "/pay/recharges", "{\"accountNo\":\"1\",\"amount\":\"1.00\"}", null);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            txNos.add(created.field("txNo"));
        }
        return txNos;
    }

    private static List<Integer> attemptsLogged(String txNo) {
        return db
                .rows(
                        "dtx_notify",
                        "SELECT a.attempt FROM delivery_attempt a JOIN notification n ON n.id = a.notification_id"
                                + " WHERE n.tx_no = ? AND a.round = 1 ORDER BY a.attempt",
                        txNo)
                .stream()
                .map(row -> ((Number) row.get("attempt")).intValue())
                .toList();
    }

    private static long notifications() {
        return db.scalar("dtx_notify", "SELECT COUNT(*) FROM notification", Long.class);
    }

    private static long givenUp() {
        return db.scalar("dtx_notify", "SELECT COUNT(*) FROM notification WHERE status = 'gave_up'", Long.class);
    }

    private static long delivered() {
        return db.scalar("dtx_notify", "SELECT COUNT(*) FROM notification WHERE status = 'delivered'", Long.class);
    }

    private static long credited(List<String> txNos) {
        return db.scalar(
                "bank1",
                "SELECT COUNT(DISTINCT tx_no) FROM de_duplication WHERE tx_no IN (" + quoted(txNos) + ")",
                Long.class);
    }

    private static String quoted(List<String> txNos) {
        return String.join(",", txNos.stream().map(t -> "'" + t + "'").toList());
    }
}
