package io.dtx.relay.binlog;

import io.dtx.contract.RechargeSucceeded;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * One row inserted into {@code bank1_pay.account_pay}, read from its row event by column name
 * (the server writes the names with {@code binlog_row_metadata=FULL}), so a column added to the
 * table does not shift what the relay reads.
 *
 * @param txNo      {@code id}
 * @param accountNo {@code account_no}
 * @param amount    {@code pay_amount}
 * @param result    {@code result}: {@code success}, or the check-back's tombstone {@code rolled_back}
 * @param paidAt    {@code created_at} (UTC), the moment the lag is measured from
 */
public record PaymentRow(String txNo, String accountNo, BigDecimal amount, String result, Instant paidAt) {

    public static final String SUCCESS = "success";

    /** The check-back's tombstone: the payment never committed, nothing to publish. */
    public static final String ROLLED_BACK = "rolled_back";

    public PaymentRow {
        Objects.requireNonNull(txNo, "txNo");
        Objects.requireNonNull(accountNo, "accountNo");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(paidAt, "paidAt");
        if (!SUCCESS.equals(result) && !ROLLED_BACK.equals(result)) {
            // Skipping it could lose a payment; publishing it could invent one: a person decides.
            throw new IllegalStateException("Payment " + txNo + " has a result the relay does not know: " + result);
        }
    }

    /** Reads a row of {@code account_pay}; the column names come from the table map event. */
    static PaymentRow read(List<String> columns, Serializable[] values) {
        return new PaymentRow(
                text(values[index(columns, "id")]),
                text(values[index(columns, "account_no")]),
                (BigDecimal) values[index(columns, "pay_amount")],
                text(values[index(columns, "result")]),
                instant(values[index(columns, "created_at")]));
    }

    public boolean succeeded() {
        return SUCCESS.equals(result);
    }

    /** What every publisher announces for a payment: the same record, so consumers cannot tell. */
    public RechargeSucceeded announcement() {
        return new RechargeSucceeded(txNo, accountNo, amount, paidAt);
    }

    private static int index(List<String> columns, String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalStateException("account_pay has no column " + name + " in the binlog: " + columns);
        }
        return index;
    }

    private static String text(Serializable value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }

    /** DATETIME as the client library hands it over, read as UTC (the server's and the pay service's zone). */
    private static Instant instant(Serializable value) {
        if (value instanceof Long micros) {
            return Instant.EPOCH.plusNanos(micros * 1000);
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        throw new IllegalStateException("Unexpected created_at value: " + value);
    }
}
