/** The relay's loop: read a committed transaction, publish it, only then move the position. */
package io.dtx.relay.relaying;
