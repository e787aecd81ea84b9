/**
 * How the campaign and the benchmark write their reports: records in, {@code latest.json} out,
 * with the snake_case field names the docs quote. Knows nothing of what the reports say.
 */
package io.dtx.walkthrough.report;
