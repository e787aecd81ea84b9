package io.dtx.account.suspense;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A payment in suspense, as {@code GET /accounts/suspense} shows it. Times are UTC.
 *
 * @param status   {@code held}, {@code credited}, {@code returning} or {@code returned}
 * @param heldBy   the path that found the account missing
 * @param attempts how often crediting it was tried since
 */
public record HeldPayment(
        String txNo,
        String accountNo,
        BigDecimal amount,
        String heldBy,
        String status,
        int attempts,
        LocalDateTime heldAt,
        LocalDateTime updatedAt) {}
