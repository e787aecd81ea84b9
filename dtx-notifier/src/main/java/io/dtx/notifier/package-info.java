/**
 * The notifier (database {@code dtx_notify}): best-effort notification over HTTP. Start reading at
 * {@code intake} (a payment result becomes one notification per subscription), then
 * {@code delivery} (the attempts, on the {@code schedule}), then {@code control} (what a person
 * sees and can do).
 */
package io.dtx.notifier;
