package io.dtx.account.reconcile;

import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Run the safety nets now instead of waiting for their jobs: {@code POST
 * /accounts/reconciliation/runs} (the cursor over the feed) and {@code POST
 * /accounts/reconciliation/sweeps} (the deep sweep; over the recent past, or {@code [from, to)}).
 */
@RestController
class ReconciliationController {

    private final ReconciliationService reconciliation;
    private final DeepSweep sweep;

    ReconciliationController(ReconciliationService reconciliation, DeepSweep sweep) {
        this.reconciliation = reconciliation;
        this.sweep = sweep;
    }

    @PostMapping(path = "/accounts/reconciliation/runs", produces = MediaType.APPLICATION_JSON_VALUE)
    ReconciliationReport run() {
        return reconciliation.runOnce();
    }

    @PostMapping(path = "/accounts/reconciliation/sweeps", produces = MediaType.APPLICATION_JSON_VALUE)
    SweepReport sweep(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        if (from == null || to == null) {
            return sweep.sweepRecent();
        }
        if (!from.isBefore(to)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must be before to");
        }
        return sweep.sweep(from, to);
    }
}
