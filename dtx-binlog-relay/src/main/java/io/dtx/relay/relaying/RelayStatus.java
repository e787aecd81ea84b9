package io.dtx.relay.relaying;

/**
 * What the relay is doing, for a person and for the health check.
 *
 * @param state     {@code starting}, {@code reading}, {@code waiting} (after a failure, before
 *                  it reads again) or {@code position_lost} (stopped; see the log)
 * @param read      the position of the last transaction handled, or null
 * @param saved     the position saved in {@code relay_position}, or null
 * @param lastError the last failure, or null
 */
public record RelayStatus(String state, String read, String saved, String lastError) {}
