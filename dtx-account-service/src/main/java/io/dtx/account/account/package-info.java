/** The read side: an account's balance and the latest credits that built it. */
package io.dtx.account.account;
