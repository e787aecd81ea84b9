/**
 * Exactly-once credit: {@link io.dtx.account.credit.CreditService#apply} claims the txNo in the
 * dedup table and moves the balance in one local transaction. Every path (message, pull,
 * reconciliation) credits through it.
 */
package io.dtx.account.credit;
