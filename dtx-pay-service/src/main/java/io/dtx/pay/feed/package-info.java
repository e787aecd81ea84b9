/**
 * The reconciliation feed: all payments in {@code seq} order, with a cursor that never passes a
 * payment that could still commit below it. The account side's safety net reads it.
 */
package io.dtx.pay.feed;
