/**
 * What {@code ./dtx} runs: {@code Dtx} reads the command, {@code CommandLine} its options, and
 * each command is handed to its tool ({@code demo}, {@code chaos}, {@code bench}); {@code up}
 * only starts a {@code stack} and leaves it running. Nothing else lives here.
 */
package io.dtx.walkthrough;
