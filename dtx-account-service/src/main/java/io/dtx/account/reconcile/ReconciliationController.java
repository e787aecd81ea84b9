package io.dtx.account.reconcile;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /accounts/reconciliation/runs}: run reconciliation now instead of waiting for the job. */
@RestController
class ReconciliationController {

    private final ReconciliationService reconciliation;

    ReconciliationController(ReconciliationService reconciliation) {
        this.reconciliation = reconciliation;
    }

    @PostMapping(path = "/accounts/reconciliation/runs", produces = MediaType.APPLICATION_JSON_VALUE)
    ReconciliationReport run() {
        return reconciliation.runOnce();
    }
}
