/** Reading the binary log: events in, whole committed transactions on {@code account_pay} out. */
package io.dtx.relay.binlog;
