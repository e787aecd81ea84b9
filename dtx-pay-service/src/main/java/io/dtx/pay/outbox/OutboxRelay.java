package io.dtx.pay.outbox;

import io.dtx.pay.outbox.OutboxSender.SendFailedException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends rows of the local message table. Each send happens inside a transaction that holds the
 * row's lock, and the row is marked {@code finish} in that same transaction once the broker has
 * acknowledged: if the process dies between the two, the lock dies with the connection, the row
 * is still {@code init}, and it is sent again. At least once, never lost; the account side's
 * dedup makes "again" harmless.
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxTable table;
    private final OutboxSender sender;
    private final OutboxSettings settings;
    private final MeterRegistry metrics;
    private final TransactionTemplate transaction;

    OutboxRelay(
            OutboxTable table,
            OutboxSender sender,
            OutboxSettings settings,
            MeterRegistry metrics,
            PlatformTransactionManager transactions) {
        this.table = table;
        this.sender = sender;
        this.settings = settings;
        this.metrics = metrics;
        this.transaction = new TransactionTemplate(transactions);
        // Record locks only: no gap locks that would make new payments wait for a send.
        transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        transaction.setTimeout(60);
    }

    /**
     * One round: claims up to a batch of due rows and sends them in order. When the broker fails
     * one, the rest of the batch is postponed rather than tried (and failed) one by one.
     *
     * @return how many rows were claimed; a full batch means more may be due
     */
    public int relayDue() {
        Integer claimed = transaction.execute(status -> {
            List<OutboxRow> due = table.claimDue(settings.batch());
            boolean brokerFailing = false;
            for (OutboxRow row : due) {
                if (brokerFailing) {
                    table.postpone(row.id(), settings.firstDelay());
                } else {
                    brokerFailing = !sendAndRecord(row, "relay");
                }
            }
            return due.size();
        });
        return claimed == null ? 0 : claimed;
    }

    /** The send right after commit. If a relay holds the row already, the row is the relay's. */
    void sendNow(long id) {
        transaction.executeWithoutResult(status -> table.claim(id).ifPresent(row -> sendAndRecord(row, "immediate")));
    }

    private boolean sendAndRecord(OutboxRow row, String by) {
        MDC.put("txNo", row.txNo());
        try {
            sender.send(row);
            table.finish(row.id());
            metrics.counter("dtx.pay.outbox.sends", "by", by).increment();
            return true;
        } catch (SendFailedException e) {
            failed(row, e.getMessage());
            return false;
        } finally {
            MDC.remove("txNo");
        }
    }

    private void failed(OutboxRow row, String error) {
        metrics.counter("dtx.pay.outbox.failures").increment();
        table.failed(row.id(), settings.delayAfter(row.attempts() + 1), error);
        if (row.retry() <= 1) {
            metrics.counter("dtx.pay.outbox.gave_up").increment();
            log.error(
                    "ALARM: gave up sending the message of payment {} after {} send(s) ({}). The payment stands;"
                            + " reconciliation will still credit it. Re-drive: POST /pay/outbox/{}/redrive",
                    row.txNo(),
                    row.attempts() + 1,
                    error,
                    row.txNo());
        } else {
            log.warn(
                    "Send failed ({}); {} send(s) left, next in {}",
                    error,
                    row.retry() - 1,
                    settings.delayAfter(row.attempts() + 1));
        }
    }
}
