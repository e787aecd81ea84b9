package io.dtx.pay.queuefirst;

import io.dtx.contract.RechargeRules;
import io.dtx.pay.recharge.RechargeRequest;
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
 * "Write the queue first": {@code POST /pay/recharge-requests} takes the same body and
 * Idempotency-Key as {@code POST /pay/recharges}, writes the request to the broker and answers
 * {@code 202 Accepted} with where to ask; {@code GET /pay/recharge-requests/{requestId}} answers
 * {@code ACCEPTED}, then {@code PAID} (with the txNo) or {@code REJECTED} (with the reason).
 */
@RestController
@RequestMapping(path = "/pay/recharge-requests", produces = MediaType.APPLICATION_JSON_VALUE)
class RechargeRequestController {

    private final RechargeRequests requests;

    RechargeRequestController(RechargeRequests requests) {
        this.requests = requests;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RequestStatus> request(
            @Valid @RequestBody RechargeRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false)
                    @Pattern(
                            regexp = RechargeRules.IDEMPOTENCY_KEY_PATTERN,
                            message = RechargeRules.IDEMPOTENCY_KEY_MESSAGE)
                    String idempotencyKey) {
        RequestStatus accepted = requests.accept(request, idempotencyKey);
        return ResponseEntity.accepted()
                .location(URI.create("/pay/recharge-requests/" + accepted.requestId()))
                .body(accepted);
    }

    @GetMapping("/{requestId}")
    RequestStatus status(
            @PathVariable @Pattern(regexp = RechargeRules.TX_NO_PATTERN, message = "is not a request id")
                    String requestId) {
        return requests.status(requestId);
    }
}
