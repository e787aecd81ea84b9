/**
 * The payment ledger: {@code account_pay} rows, written in the payment's local transaction, and
 * {@link io.dtx.pay.payment.PaymentLedger#settle settle}, the database answer behind every check-back.
 */
package io.dtx.pay.payment;
