/**
 * The binlog relay: publishes payments without the pay service's help, from the database's own
 * record of what committed. Start reading at {@code relaying.BinlogRelay} (the loop that reads,
 * publishes and only then moves the position), then {@code binlog} (events into committed
 * transactions), {@code routing} (which environment a transaction belongs to), {@code publish}
 * (the signed message), {@code position} (where to resume) and {@code control} (what a person
 * sees and can do).
 */
package io.dtx.relay;
