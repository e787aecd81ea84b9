/** Where the relay resumes: saved only behind the broker's acknowledgements. */
package io.dtx.relay.position;
