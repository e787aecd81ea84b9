/**
 * Routing per environment (after a patent in the sources): several environments share one
 * database, each with its own database user; the thread id in the binlog names the connection,
 * the process list names its user, configuration names the user's environment. Whatever cannot
 * be resolved is kept in the exception table, never published by guess.
 */
package io.dtx.relay.routing;
