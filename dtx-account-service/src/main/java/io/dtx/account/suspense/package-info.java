/**
 * Suspense: payments for an account that does not exist (yet) are held, retried until the account
 * appears, and can be listed, re-driven or returned to the payer by a person. Never silently stuck.
 */
package io.dtx.account.suspense;
