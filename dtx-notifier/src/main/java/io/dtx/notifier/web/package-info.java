/** The shared guards of dtx-web in front of the notifier's API, and its problem bodies. */
package io.dtx.notifier.web;
