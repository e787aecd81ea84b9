package io.dtx.walkthrough.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.dtx.contract.Messaging;
import io.dtx.walkthrough.FreePorts;
import io.dtx.walkthrough.probe.Databases;
import io.dtx.walkthrough.probe.Http;
import io.dtx.walkthrough.probe.Reply;
import io.dtx.walkthrough.probe.Waits;
import io.dtx.walkthrough.stack.LocalStack;
import io.dtx.walkthrough.stack.PauseMoment;
import io.dtx.walkthrough.stack.StackProfile;
import io.dtx.walkthrough.stack.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pay service killed for real (SIGKILL of its process) at the two moments the local message
 * table and write-queue-first must survive, on a local stack whose pay service publishes through
 * the outbox and pays queue-first requests: after the broker acknowledged an outbox row and before
 * the row is marked finished, and inside a request's payment before it commits. The verdicts are
 * read from the databases and the broker, never from the pay service.
 */
class PublisherKillsIntegrationTests {

    private static Workspace workspace;
    private static LocalStack stack;
    private static Databases db;
    private static Http http;

    @BeforeAll
    static void startStack() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        workspace = FreePorts.workspace(root, Path.of("target", "kills-it").toAbsolutePath())
                .withPublisher("queue-first");
        stack = new LocalStack(workspace, StackProfile.CHAOS).start();
        db = new Databases(stack);
        http = new Http(stack.serviceToken());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void killedBetweenTheBrokersAcknowledgementAndFinishTheRowIsSentAgainAndCreditedOnce() throws Exception {
        PauseMoment.AFTER_SEND.pauseAt(workspace);
        Reply created =
                http.post(workspace.payUrl() + "/pay/recharges", "{\"accountNo\":\"1\",\"amount\":\"2.50\"}", null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String txNo = created.field("txNo");

        assertThat(pausedAt(txNo))
                .as("the send was acknowledged and the pay service held before finish")
                .isTrue();
        killPayAndRestart();

        assertThat(Waits.eventually(Duration.ofSeconds(60), () -> "finish".equals(outboxStatus(txNo))))
                .as("the restarted relay sent the row and finished it")
                .isTrue();
        assertThat(Waits.eventually(Duration.ofSeconds(60), () -> credits(txNo) == 1))
                .isTrue();
        assertThat(copiesAtTheBroker(txNo))
                .as("the message reached the broker twice")
                .isEqualTo(2);
        assertThat(Waits.stays(Duration.ofSeconds(3), () -> credits(txNo) == 1))
                .as("credited once")
                .isTrue();
    }

    @Test
    void killedInsideARequestsPaymentTheRequestIsRedeliveredAndPaidOnce() throws Exception {
        long paymentsBefore = payments();
        PauseMoment.BEFORE_REQUEST_COMMIT.pauseAt(workspace);
        Reply accepted = http.post(
                workspace.payUrl() + "/pay/recharge-requests", "{\"accountNo\":\"1\",\"amount\":\"3.25\"}", null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String requestId = accepted.field("requestId");

        assertThat(pausedAt(requestId))
                .as("the payment was written and held before its commit")
                .isTrue();
        killPayAndRestart();

        assertThat(Waits.eventually(Duration.ofSeconds(90), () -> "PAID".equals(status(requestId))))
                .as("the broker redelivered the request to the restarted pay service")
                .isTrue();
        String txNo = http.get(workspace.payUrl() + "/pay/recharge-requests/" + requestId)
                .field("txNo");
        assertThat(Waits.eventually(Duration.ofSeconds(60), () -> credits(txNo) == 1))
                .isTrue();
        assertThat(payments()).as("one payment for the request").isEqualTo(paymentsBefore + 1);
        assertThat(Waits.stays(Duration.ofSeconds(3), () -> credits(txNo) == 1))
                .as("credited once")
                .isTrue();
    }

    /** Whether the pay service reached the moment with this payment or request within 30 s. */
    private static boolean pausedAt(String id) {
        return Waits.eventually(
                Duration.ofSeconds(30), () -> PauseMoment.paused(workspace).equals(id));
    }

    private static void killPayAndRestart() throws IOException {
        stack.pay().kill();
        PauseMoment.resume(workspace);
        stack.startPay();
    }

    private static String outboxStatus(String txNo) {
        return db.scalar("bank1_pay", "SELECT status FROM mq_notify WHERE tx_no = ?", String.class, txNo);
    }

    private static long credits(String txNo) {
        return db.scalar("bank1", "SELECT COUNT(*) FROM de_duplication WHERE tx_no = ?", Long.class, txNo);
    }

    private static long payments() {
        return db.scalar("bank1_pay", "SELECT COUNT(*) FROM account_pay", Long.class);
    }

    private static String status(String requestId) {
        return http.get(workspace.payUrl() + "/pay/recharge-requests/" + requestId)
                .field("status");
    }

    private static int copiesAtTheBroker(String txNo) throws Exception {
        DefaultMQAdminExt admin = new DefaultMQAdminExt(5_000);
        admin.setNamesrvAddr(stack.namesrvAddr());
        admin.setInstanceName("kills-it-" + UUID.randomUUID());
        admin.start();
        try {
            return admin.queryMessage(Messaging.RECHARGE_TOPIC, txNo, 32, 0, Long.MAX_VALUE)
                    .getMessageList()
                    .size();
        } finally {
            admin.shutdown();
        }
    }
}
