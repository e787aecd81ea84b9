package io.dtx.account.suspense;

import io.dtx.contract.RechargeRules;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For a person, with the service token: {@code GET /accounts/suspense?status=held} lists
 * payments held for unknown accounts; {@code POST .../{txNo}/redrive} tries one now;
 * {@code POST .../{txNo}/return} gives it back to the payer. {@code ?status=past_retention} lists
 * payments too old for the dedup table to prove them new: a person settles those by the record.
 */
@RestController
class SuspenseController {

    /** The reply to a redrive or a return: the payment's status afterwards. */
    record SuspenseStatus(String txNo, String status) {}

    private final Suspense suspense;

    SuspenseController(Suspense suspense) {
        this.suspense = suspense;
    }

    @GetMapping(path = "/accounts/suspense", produces = MediaType.APPLICATION_JSON_VALUE)
    List<HeldPayment> list(
            @RequestParam(defaultValue = Suspense.HELD)
                    @Pattern(
                            regexp = "held|credited|returning|returned|refund_refused|past_retention",
                            message = "is not a suspense status")
                    String status) {
        return suspense.list(status);
    }

    @PostMapping(path = "/accounts/suspense/{txNo}/redrive", produces = MediaType.APPLICATION_JSON_VALUE)
    SuspenseStatus redrive(@PathVariable @Pattern(regexp = RechargeRules.TX_NO_PATTERN) String txNo) {
        return new SuspenseStatus(txNo, suspense.redrive(txNo));
    }

    @PostMapping(path = "/accounts/suspense/{txNo}/return", produces = MediaType.APPLICATION_JSON_VALUE)
    SuspenseStatus returnToPayer(@PathVariable @Pattern(regexp = RechargeRules.TX_NO_PATTERN) String txNo) {
        return new SuspenseStatus(txNo, suspense.returnToPayer(txNo));
    }
}
