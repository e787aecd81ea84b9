package io.dtx.pay.outbox;

import java.time.LocalDateTime;

/**
 * A row of {@code mq_notify} as the relay and the control endpoint see it.
 *
 * @param retry sends left
 */
public record OutboxRow(
        long id,
        String txNo,
        String message,
        int retry,
        String status,
        int attempts,
        LocalDateTime nextAttemptAt,
        String lastError,
        LocalDateTime createTime) {}
