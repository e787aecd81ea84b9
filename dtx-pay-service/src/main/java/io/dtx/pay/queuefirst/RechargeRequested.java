package io.dtx.pay.queuefirst;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A recharge request as written to the broker, before anything else exists anywhere.
 *
 * @param requestId      random, chosen when the request was accepted; the consumer's dedup key
 * @param idempotencyKey the client's key, or null: a retry under it gets the earlier payment
 * @param requestHash    identifies the body, so a reused key with another body is rejected
 */
record RechargeRequested(
        String requestId,
        String accountNo,
        BigDecimal amount,
        String idempotencyKey,
        String requestHash,
        Instant requestedAt) {}
