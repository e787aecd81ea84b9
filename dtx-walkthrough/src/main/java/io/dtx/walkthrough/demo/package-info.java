/**
 * {@code ./dtx demo}: the bank recharge story in ten steps on a fresh local stack, told to a
 * person at a terminal, each step checked against the databases. One class per step.
 */
package io.dtx.walkthrough.demo;
