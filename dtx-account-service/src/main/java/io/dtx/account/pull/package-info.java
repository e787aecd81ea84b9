/**
 * Pull: ask the pay side's result query about one payment and credit it if it was paid, when the
 * message is late or lost.
 */
package io.dtx.account.pull;
