package io.dtx.pay.checkback;

import io.dtx.contract.RechargeSucceeded;

/**
 * What a half message the broker asks about claims, and whether this side signed it. Only a
 * signed claim may lead to a write in the ledger.
 */
public record HalfMessageClaim(RechargeSucceeded payment, boolean signedByUs) {}
