package io.dtx.relay.control;

/** A person's decision for a payment kept in the exception table: the environment it belongs to. */
public record RouteRequest(String environment) {}
