/**
 * The bank on this machine: broker, database and both services, each a process of its own, with
 * their run files under {@code .dtx/}. The bottom layer: every tool starts a stack, the stack knows
 * no tool; what differs between tools is one {@code StackProfile}.
 */
package io.dtx.walkthrough.stack;
