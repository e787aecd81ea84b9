package io.dtx.pay.payment;

import java.math.BigDecimal;

/**
 * The successful payments of one time window, summed: how many, how much, and a checksum of
 * their txNos (the sum of each txNo's CRC32), so that one payment missing and another, equal one
 * too many in the same window do not cancel out. The account side sums its credits the same way.
 *
 * @param index    the window's number, counted from the start of the range
 * @param payments how many successful payments
 * @param amount   their sum
 * @param checksum the sum of CRC32(txNo)
 */
public record WindowTotals(long index, long payments, BigDecimal amount, long checksum) {}
