/**
 * Scheme 2 of best-effort notification: the notifier calls this service back over HTTP. A callback
 * changes money only when two signatures hold: the notifier's on the call (Standard Webhooks,
 * fresh, not seen before) and the pay side's on the payment it carries. Then it is credited by the
 * same exactly-once path as a message, and acknowledged only after that committed.
 */
package io.dtx.account.callback;
