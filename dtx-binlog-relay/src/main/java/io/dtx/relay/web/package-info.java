/** The relay's web guards and problem details. */
package io.dtx.relay.web;
