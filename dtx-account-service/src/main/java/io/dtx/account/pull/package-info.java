/**
 * Pull: ask the pay side's result query about one payment and credit it if it was paid, when the
 * message is late or lost. {@code PayClient} is also the reconciliation's way to the pay side.
 */
package io.dtx.account.pull;
