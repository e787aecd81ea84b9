package io.dtx.pay.outbox;

import io.dtx.contract.RechargeSucceeded;
import io.dtx.pay.halfmessage.RechargeMessageCodec;
import io.dtx.pay.outbox.OutboxSender.SendFailedException;
import io.dtx.pay.payment.PaymentLedger;
import io.dtx.web.journey.Journeys;
import io.dtx.web.journey.Milestone;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends rows of the local message table, one short transaction per row: claim it (its lock keeps
 * every other relay off it), check it against the payment, send it, mark it {@code finish}, commit.
 * If the process dies between the broker's acknowledgement and that commit, the lock dies with the
 * connection and the row is still {@code init}: it is sent again. At least once, never lost; the
 * account side's dedup makes "again" harmless.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** What happened to one row. */
    enum Outcome {
        SENT,
        FAILED,
        NOTHING_DUE
    }

    private final OutboxTable table;
    private final OutboxSender sender;
    private final PaymentLedger ledger;
    private final RechargeMessageCodec codec;
    private final OutboxSettings settings;
    private final MeterRegistry metrics;
    private final OutboxSendHook afterSend;
    private final TransactionTemplate transaction;
    private final Journeys journeys;

    OutboxRelay(
            OutboxTable table,
            OutboxSender sender,
            PaymentLedger ledger,
            RechargeMessageCodec codec,
            OutboxSettings settings,
            MeterRegistry metrics,
            OutboxSendHook afterSend,
            PlatformTransactionManager transactions,
            Journeys journeys) {
        this.journeys = journeys;
        this.table = table;
        this.sender = sender;
        this.ledger = ledger;
        this.codec = codec;
        this.settings = settings;
        this.metrics = metrics;
        this.afterSend = afterSend;
        this.transaction = new TransactionTemplate(transactions);
        // Record locks only: no gap locks that would make new payments wait for a send.
        transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        transaction.setTimeout(30);
    }

    /**
     * One round: sends due rows one by one, up to a batch. Stops at the first failure: when the
     * broker is down, one row per round finds out, not the whole backlog.
     *
     * @return how many rows were sent; a full batch means more may be due
     */
    int relayDue() {
        for (int sent = 0; sent < settings.batch(); sent++) {
            if (transaction
                            .execute(status -> table.claimNextDue().map(row -> send(row, "relay")))
                            .orElse(Outcome.NOTHING_DUE)
                    != Outcome.SENT) {
                return sent;
            }
        }
        return settings.batch();
    }

    /** The send right after commit. If a relay holds the row already, the row is the relay's. */
    void sendNow(long id) {
        transaction.executeWithoutResult(status -> table.claim(id).ifPresent(row -> send(row, "immediate")));
    }

    private Outcome send(OutboxRow row, String by) {
        MDC.put("txNo", row.txNo());
        try {
            Optional<String> refusal = refusal(row);
            if (refusal.isPresent()) {
                giveUp(row, refusal.get());
                return Outcome.FAILED;
            }
            sender.send(row);
            afterSend.afterSend(row.txNo());
            table.finish(row.id());
            metrics.counter("dtx.pay.outbox.sends", "by", by).increment();
            journeys.recordAfterCommit(row.txNo(), Milestone.OUTBOX_SENT, "by the " + by + " send");
            return Outcome.SENT;
        } catch (SendFailedException e) {
            failed(row, e.getMessage());
            return Outcome.FAILED;
        } finally {
            MDC.remove("txNo");
        }
    }

    /**
     * Why this row must not be signed, if it must not: the relay signs only the message of a
     * successful payment of exactly that account and amount, so write access to this table alone
     * cannot make a credit.
     */
    private Optional<String> refusal(OutboxRow row) {
        RechargeSucceeded event;
        try {
            event = codec.decode(row.message().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return Optional.of("the message is not a RechargeSucceeded");
        }
        boolean paid = event.txNo().equals(row.txNo())
                && ledger.find(row.txNo())
                        .filter(p -> PaymentLedger.isPaid(p, event.accountNo(), event.amount()))
                        .isPresent();
        return paid ? Optional.empty() : Optional.of("no successful payment matches the message");
    }

    private void failed(OutboxRow row, String error) {
        metrics.counter("dtx.pay.outbox.failures").increment();
        // Failures since the row was written or last re-driven: sends given minus sends left.
        Duration next = settings.delayAfter(Math.max(1, settings.sends() - row.retry() + 1));
        table.failed(row.id(), next, error);
        journeys.recordAfterCommit(
                row.txNo(), Milestone.OUTBOX_SEND_FAILED, error + "; " + (row.retry() - 1) + " send(s) left");
        if (row.retry() <= 1) {
            alarm(row, error);
        } else {
            log.warn("Send failed ({}); {} send(s) left, next in {}", error, row.retry() - 1, next);
        }
    }

    private void giveUp(OutboxRow row, String reason) {
        metrics.counter("dtx.pay.outbox.refused").increment();
        table.giveUp(row.id(), reason);
        alarm(row, reason);
    }

    private void alarm(OutboxRow row, String error) {
        metrics.counter("dtx.pay.outbox.gave_up").increment();
        log.error(
                "ALARM: gave up sending the message of payment {} ({}). A person must look; a real payment is"
                        + " still credited by reconciliation. Re-drive: POST /pay/outbox/{}/redrive",
                row.txNo(),
                error,
                row.txNo());
    }
}
