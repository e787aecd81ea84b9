/** What a person sees of the relay and can do: its status, the exception table, naming an environment. */
package io.dtx.relay.control;
