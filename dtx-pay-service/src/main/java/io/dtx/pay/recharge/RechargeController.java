package io.dtx.pay.recharge;

import io.dtx.contract.RechargeRules;
import io.dtx.pay.payment.PaymentView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pay service's HTTP API: take a recharge, and answer what became of one (the "result query
 * interface" the account side pulls from). Bad input never reaches the service: see
 * {@code PayProblems} and the shared problem handling for the 400 replies.
 */
@RestController
@RequestMapping(path = "/pay/recharges", produces = MediaType.APPLICATION_JSON_VALUE)
class RechargeController {

    private final RechargeService recharges;

    RechargeController(RechargeService recharges) {
        this.recharges = recharges;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PaymentView> recharge(
            @Valid @RequestBody RechargeRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false)
                    @Pattern(
                            regexp = RechargeRules.IDEMPOTENCY_KEY_PATTERN,
                            message = RechargeRules.IDEMPOTENCY_KEY_MESSAGE)
                    String idempotencyKey) {
        RechargeService.Outcome outcome = recharges.recharge(request, idempotencyKey);
        PaymentView payment = outcome.payment();
        // A replay gets the original reply again, marked so a client can tell.
        return ResponseEntity.created(URI.create("/pay/recharges/" + payment.txNo()))
                .header("Idempotent-Replayed", Boolean.toString(outcome.replayed()))
                .body(payment);
    }

    @GetMapping("/{txNo}")
    PaymentView payment(
            @PathVariable @Pattern(regexp = RechargeRules.TX_NO_PATTERN, message = "is not a transaction number")
                    String txNo) {
        return recharges.find(txNo).orElseThrow(() -> new PaymentNotFoundException(txNo));
    }
}
