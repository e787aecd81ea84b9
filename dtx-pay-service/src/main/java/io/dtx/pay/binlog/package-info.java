/** Publisher {@code binlog}: the pay service only writes the payment; the binlog relay publishes it. */
package io.dtx.pay.binlog;
