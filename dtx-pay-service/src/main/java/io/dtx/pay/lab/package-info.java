/**
 * Lab seams, openly named and off by default: on only with the {@code lab} profile and a
 * {@code dtx.lab.*} property. The demo and the fault campaign use the pause hook, the benchmark
 * the naive endpoint; production code never depends on this package (an ArchUnit rule checks).
 */
package io.dtx.pay.lab;
