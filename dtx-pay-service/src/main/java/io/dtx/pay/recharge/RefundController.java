package io.dtx.pay.recharge;

import io.dtx.contract.RechargeRules;
import io.dtx.pay.payment.PaymentLedger;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /pay/recharges/{txNo}/refunds}: the account side returns a payment it could not
 * credit (its account does not exist), and this records that the money is owed back. Internal:
 * only the account service, with the service token, calls it. Asking twice changes nothing.
 */
@RestController
class RefundController {

    /** The reply: which payment is marked for refund. */
    record RefundRequested(String txNo, String refund) {}

    private final PaymentLedger ledger;

    RefundController(PaymentLedger ledger) {
        this.ledger = ledger;
    }

    @PostMapping(path = "/pay/recharges/{txNo}/refunds", produces = MediaType.APPLICATION_JSON_VALUE)
    RefundRequested refund(
            @PathVariable @Pattern(regexp = RechargeRules.TX_NO_PATTERN, message = "is not a transaction number")
                    String txNo) {
        if (!ledger.requestRefund(txNo, "returned by the account side: account unknown")) {
            throw new PaymentNotFoundException(txNo);
        }
        return new RefundRequested(txNo, "requested");
    }
}
