/**
 * Keeps the notifier's tables bounded: a delivered notification and its attempts are removed once
 * they are older than the retention. Pending ones are never touched, and given-up ones stay for a
 * person (they grow with failures, not with payments).
 */
package io.dtx.notifier.retention;
