/**
 * {@code ./dtx bench}: the cost of reliability, measured side by side on one fresh stack (the
 * database's ceiling, the naive send-after-commit, dtx), written as {@code latest.json},
 * {@code latest.md} and {@code latest.png}. See docs/benchmarks.md.
 */
package io.dtx.walkthrough.bench;
