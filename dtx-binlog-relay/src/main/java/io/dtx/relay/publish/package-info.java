/** The signed message, sent and acknowledged before the relay goes on. */
package io.dtx.relay.publish;
