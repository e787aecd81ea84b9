/**
 * The learners' console: a page on {@code http://127.0.0.1:56080} that lays each payment's journey
 * out as the services saw it (their {@code GET /journeys}), shows balances, counters and the
 * processes, and has buttons that cause the demo's faults on the local stack. Served by the
 * process that started the stack ({@code ./dtx up}, {@code ./dtx demo --console}), with the JDK's
 * own HTTP server: nothing to install, nothing fetched from the internet.
 */
package io.dtx.walkthrough.console;
