package io.dtx.pay.recharge;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pay service's HTTP API: take a recharge, answer what became of one (the "result query
 * interface" the account side pulls from), and page through all of them for reconciliation.
 * Bad input never reaches the service: see {@code ProblemResponses} for the 400 replies.
 */
@RestController
@RequestMapping(path = "/pay/recharges", produces = MediaType.APPLICATION_JSON_VALUE)
class RechargeController {

    static final String TX_NO_PATTERN = "[A-Za-z0-9-]{1,64}";

    private final RechargeService recharges;
    private final ReconciliationFeed feed;

    RechargeController(RechargeService recharges, ReconciliationFeed feed) {
        this.recharges = recharges;
        this.feed = feed;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PaymentView> recharge(
            @Valid @RequestBody RechargeRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false)
            @Pattern(regexp = "[A-Za-z0-9_.:-]{1,128}", message = "must be 1-128 characters of A-Z, a-z, 0-9 and _.:-")
            String idempotencyKey) {
        RechargeService.Outcome outcome = recharges.recharge(request, idempotencyKey);
        PaymentView payment = outcome.payment();
        // A replay gets the original reply again, marked so a client can tell.
        return ResponseEntity.created(URI.create("/pay/recharges/" + payment.txNo()))
                .header("Idempotent-Replayed", Boolean.toString(outcome.replayed()))
                .body(payment);
    }

    @GetMapping("/{txNo}")
    PaymentView payment(@PathVariable @Pattern(regexp = TX_NO_PATTERN, message = "is not a transaction number") String txNo) {
        return recharges.find(txNo).orElseThrow(() -> new PaymentNotFoundException(txNo));
    }

    @GetMapping
    FeedPage feed(@RequestParam(defaultValue = "0") @Min(0) long after,
                  @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return feed.page(after, limit);
    }
}
