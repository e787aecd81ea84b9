package io.dtx.account.pull;

import io.dtx.account.credit.AppliedBy;
import io.dtx.account.credit.CreditOutcome;
import io.dtx.account.credit.CreditService;
import io.dtx.account.payside.PayClient;
import io.dtx.account.payside.PayServiceUnavailableException;
import io.dtx.account.suspense.Suspense;
import io.dtx.contract.RechargeSucceeded;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

/**
 * The fallback of the original design: ask the pay side for one payment and credit it, through
 * exactly the same transactional path as a message ({@link CreditService#apply}).
 */
@Service
public class PullService {

    private final PayClient pay;
    private final CreditService credits;
    private final Suspense suspense;

    PullService(PayClient pay, CreditService credits, Suspense suspense) {
        this.pay = pay;
        this.credits = credits;
        this.suspense = suspense;
    }

    /** @throws PayServiceUnavailableException when the pay side cannot be asked: not a payment failure */
    public PullOutcome pull(String txNo) {
        MDC.put("txNo", txNo);
        try {
            if (credits.isCredited(txNo)) {
                return PullOutcome.ALREADY_APPLIED;
            }
            Optional<PayClient.Payment> payment = pay.payment(txNo);
            if (payment.isEmpty()) {
                return PullOutcome.NOT_FOUND;
            }
            if (!payment.get().succeeded()) {
                return PullOutcome.FAILED_PAYMENT;
            }
            PayClient.Payment paid = payment.get();
            RechargeSucceeded credit =
                    new RechargeSucceeded(paid.txNo(), paid.accountNo(), paid.amount(), paid.createdAt());
            return suspense.creditOrHold(credit, AppliedBy.PULL)
                    .map(outcome ->
                            outcome == CreditOutcome.APPLIED ? PullOutcome.APPLIED : PullOutcome.ALREADY_APPLIED)
                    .orElse(PullOutcome.HELD_IN_SUSPENSE);
        } finally {
            MDC.remove("txNo");
        }
    }
}
