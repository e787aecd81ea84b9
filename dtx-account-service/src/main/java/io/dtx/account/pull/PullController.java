package io.dtx.account.pull;

import io.dtx.contract.RechargeRules;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /accounts/recharges/{txNo}/pull}: close one gap on demand. A POST, as it may credit. */
@RestController
class PullController {

    /** The reply: what the pull found and did. */
    record PullResult(String txNo, PullOutcome outcome) {}

    private final PullService pulls;

    PullController(PullService pulls) {
        this.pulls = pulls;
    }

    @PostMapping(path = "/accounts/recharges/{txNo}/pull", produces = MediaType.APPLICATION_JSON_VALUE)
    PullResult pull(
            @PathVariable @Pattern(regexp = RechargeRules.TX_NO_PATTERN, message = "is not a transaction number")
                    String txNo) {
        return new PullResult(txNo, pulls.pull(txNo));
    }
}
