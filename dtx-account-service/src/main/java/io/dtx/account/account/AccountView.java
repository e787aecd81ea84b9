package io.dtx.account.account;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/** {@code GET /accounts/{accountNo}}: the balance and the latest credits that built it. */
public record AccountView(String accountNo, String accountName, BigDecimal balance, List<CreditView> latestCredits) {

    /** One credited payment; {@code appliedBy} says which path brought it. Times are UTC. */
    public record CreditView(String txNo, BigDecimal amount, String appliedBy, LocalDateTime creditedAt) {}
}
