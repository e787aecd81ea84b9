package io.dtx.account.credit;

import java.math.BigDecimal;

/**
 * The credits of one window of payment time, summed the way the pay side sums its payments:
 * how many, how much, and the sum of CRC32(txNo), so that two differences cannot cancel out.
 *
 * @param index   the window's number, counted from the start of the range
 * @param credits how many credits
 * @param amount  their sum
 * @param checksum the sum of CRC32(txNo)
 */
public record CreditWindow(long index, long credits, BigDecimal amount, long checksum) {}
