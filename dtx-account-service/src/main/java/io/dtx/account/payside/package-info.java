/**
 * The account side's client of the pay service: its result query, its feed and the deep sweep's
 * windows, reached through discovery. "I could not ask" is never read as "the payment failed".
 */
package io.dtx.account.payside;
