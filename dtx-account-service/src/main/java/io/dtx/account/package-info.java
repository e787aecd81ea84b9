/**
 * The account service ("bank 1", database {@code bank1}): credits each recharge exactly once and
 * closes delivery gaps itself. Start reading at {@code messaging}, then {@code credit}.
 */
package io.dtx.account;
