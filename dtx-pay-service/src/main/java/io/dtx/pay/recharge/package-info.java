/**
 * Taking a recharge: the public API ({@code POST /pay/recharges}, the result query) and the
 * service that replays idempotent requests and publishes new payments.
 */
package io.dtx.pay.recharge;
