/**
 * Looks at a running stack from outside, as an operator would: HTTP calls to the two services,
 * SQL on their two databases, a message put on the topic by hand, and waits for what should
 * follow. Shared by the demo, the fault campaign and the benchmark; it knows none of them.
 */
package io.dtx.walkthrough.probe;
