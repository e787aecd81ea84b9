/**
 * {@code ./dtx chaos}: the fault campaign (recharges under real SIGKILLs, broker restarts, cut
 * database connections, duplicates, a failing consumer), the bad-input campaign, and the verdict
 * from the databases, written to {@code latest.json}. See docs/reliability.md.
 */
package io.dtx.walkthrough.chaos;
