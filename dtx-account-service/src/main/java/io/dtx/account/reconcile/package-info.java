/**
 * Reconciliation, the safety net: pages through the pay side's feed from a persisted cursor and
 * credits every paid payment that has no dedup row yet. One instance at a time.
 */
package io.dtx.account.reconcile;
