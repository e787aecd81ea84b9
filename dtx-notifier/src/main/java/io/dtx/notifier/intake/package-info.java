/**
 * Where payment results come in: the broker's recharge topic, read with the notifier's own
 * consumer group. Only a result the pay side signed becomes a notification.
 */
package io.dtx.notifier.intake;
