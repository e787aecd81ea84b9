package io.dtx.walkthrough.chaos;

import io.dtx.contract.MessageSigning;
import io.dtx.walkthrough.probe.Databases;
import io.dtx.walkthrough.probe.ForgedHalfMessages;
import io.dtx.walkthrough.probe.Http;
import io.dtx.walkthrough.probe.Redelivery;
import io.dtx.walkthrough.probe.Waits;
import io.dtx.walkthrough.stack.LocalStack;
import io.dtx.walkthrough.stack.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Messages the pay service did not send just then: true redeliveries, and forgeries. */
final class MessageFaults {

    private static final int FORGERIES = 20;

    private final Workspace workspace;
    private final LocalStack stack;
    private final Databases db;
    private final Random random;

    MessageFaults(Workspace workspace, LocalStack stack, Databases db, Random random) {
        this.workspace = workspace;
        this.stack = stack;
        this.db = db;
        this.random = random;
    }

    /** Up to 50 messages of paid recharges again, signed as the pay side signs: a redelivery. */
    Faults.Outcome resend(List<ChaosLoad.Paid> paid) {
        List<Redelivery.Copy> copies = new ArrayList<>();
        synchronized (paid) {
            for (int i = 0; i < Math.min(50, paid.size()); i++) {
                ChaosLoad.Paid p = paid.get(random.nextInt(paid.size()));
                copies.add(new Redelivery.Copy(
                        p.txNo(), body(p.txNo(), p.accountNo(), p.amount().toPlainString())));
            }
        }
        int sent = Redelivery.send(stack.namesrvAddr(), stack.messageSigning(), copies);
        return new Faults.Outcome("re-sent " + sent + " messages of paid recharges", sent > 0);
    }

    /**
     * Well-formed payments of 500.00 for real accounts, that nobody paid: half unsigned, half
     * signed by an outsider's key under the run's key id. Any credit of one is a phantom.
     */
    Faults.Outcome forge(List<String> accounts) {
        MessageSigning outsider = MessageSigning.forSigning(MessageSigning.newKeySpec("run"), "run");
        List<Redelivery.Copy> unsigned = new ArrayList<>();
        List<Redelivery.Copy> foreign = new ArrayList<>();
        String marker = "forged-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        for (int i = 0; i < FORGERIES; i++) {
            String txNo = marker + i;
            Redelivery.Copy copy =
                    new Redelivery.Copy(txNo, body(txNo, accounts.get(random.nextInt(accounts.size())), "500.00"));
            (i % 2 == 0 ? unsigned : foreign).add(copy);
        }
        int sent = Redelivery.send(stack.namesrvAddr(), null, unsigned)
                + Redelivery.send(stack.namesrvAddr(), outsider, foreign);
        // Happened when the account side really received them: each one set aside, unauthenticated.
        boolean refused = Waits.eventually(
                Duration.ofSeconds(30),
                () -> db.scalar(
                                "bank1",
                                "SELECT COUNT(*) FROM poison_message"
                                        + " WHERE tx_no LIKE ? AND reason LIKE 'unauthenticated%'",
                                Long.class,
                                marker + "%")
                        == FORGERIES);
        return new Faults.Outcome(
                "sent " + sent + " forged payments from a foreign producer; "
                        + (refused ? "all set aside as unauthenticated" : "NOT all set aside within 30 s"),
                sent == FORGERIES && refused);
    }

    /**
     * Two unsigned half messages from an outsider in the pay producer group, left unsettled: the
     * broker asks the pay service, whose check-back must answer ROLLBACK and write nothing.
     * Happened when a pay instance answered them so, and no payment row exists for them.
     */
    Faults.Outcome forgeHalfMessages(List<String> accounts) {
        String marker = "forged-half-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<Redelivery.Copy> copies = List.of(
                new Redelivery.Copy(marker + 0, body(marker + 0, accounts.get(0), "700.00")),
                new Redelivery.Copy(marker + 1, body(marker + 1, accounts.get(1), "700.00")));
        double before = unsignedRollbacks();
        ForgedHalfMessages.send(stack.namesrvAddr(), copies);
        boolean answered = Waits.eventually(Duration.ofSeconds(30), () -> unsignedRollbacks() >= before + 2);
        long rows =
                db.scalar("bank1_pay", "SELECT COUNT(*) FROM account_pay WHERE id LIKE ?", Long.class, marker + "%");
        return new Faults.Outcome(
                "2 forged half messages: " + (answered ? "rolled back by the check-back" : "NOT answered in 30 s")
                        + ", " + rows + " payment rows written for them",
                answered && rows == 0);
    }

    /** Check-backs the pay instances answered ROLLBACK without writing (unsigned half messages). */
    private double unsignedRollbacks() {
        Http http = new Http(stack.serviceToken());
        String series = "dtx_pay_checkback_total{answer=\"rollback_unsigned\"}";
        return http.metric(workspace.payManagementUrl(), series)
                + http.metric(workspace.secondPayManagementUrl(), series);
    }

    private static String body(String txNo, String accountNo, String amount) {
        return "{\"txNo\":\"" + txNo + "\",\"accountNo\":\"" + accountNo + "\",\"amount\":" + amount + ",\"paidAt\":\""
                + Instant.now() + "\"}";
    }
}
