/**
 * For a person, behind the service token: the delivery log, given-up notifications, re-send and
 * replay, and turning a subscription off and on.
 */
package io.dtx.notifier.control;
