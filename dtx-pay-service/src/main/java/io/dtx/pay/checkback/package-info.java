/**
 * The broker's check-back: {@link io.dtx.pay.checkback.CheckBack} answers a silent half message
 * from the database; {@link io.dtx.pay.checkback.BrokerRegistrationOnStartup} makes a restarted
 * instance reachable for it.
 */
package io.dtx.pay.checkback;
