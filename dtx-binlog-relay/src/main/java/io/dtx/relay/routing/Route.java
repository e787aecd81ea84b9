package io.dtx.relay.routing;

/** Where a transaction's payments go: one environment's topic, or the exception table. */
public sealed interface Route {

    /** @param environment blank for the plain topic (routing off, no {@code DTX_ENV}) */
    record To(String environment) implements Route {}

    /**
     * @param reason why no environment could be named, for the person who will
     * @param user   the database user, if it was found
     */
    record Unroutable(String reason, String user) implements Route {}
}
