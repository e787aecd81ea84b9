/**
 * The receivers: defined by configuration (address, schedule, required reply, signing secrets),
 * kept in {@code subscription} with their enabled state, which a 410 Gone or a person changes.
 */
package io.dtx.notifier.subscription;
