/**
 * Notifications and their delivery log ({@code dtx_notify.notification}, {@code delivery_attempt}):
 * opened once per payment result and subscription, claimed by the dispatcher with a lease, and
 * moved on only by a finished attempt.
 */
package io.dtx.notifier.notification;
