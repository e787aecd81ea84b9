/**
 * What the two services agree on and nothing more: the message record, the topic, tag and group
 * names, and what a valid recharge looks like. Plain Java, so neither side's framework leaks in.
 */
package io.dtx.contract;
