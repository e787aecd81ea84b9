package io.dtx.account.reconcile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says so at start when this account service belongs to an environment ({@code DTX_ENV}) and
 * still reconciles: where environments share one pay database (the binlog relay's routing), the
 * pay service's feed lists every environment's payments, and reconciling from it would credit
 * another environment's. Separate pay databases per environment are fine, hence a warning, not a
 * refusal.
 */
@Component
class SharedLedgerWarning {

    private static final Logger log = LoggerFactory.getLogger(SharedLedgerWarning.class);

    private final String environment;
    private final boolean reconciles;
    private final boolean sweeps;

    SharedLedgerWarning(
            @Value("${dtx.env:}") String environment,
            @Value("${dtx.account.reconcile.enabled:true}") boolean reconciles,
            @Value("${dtx.account.sweep.enabled:true}") boolean sweeps) {
        this.environment = environment;
        this.reconciles = reconciles;
        this.sweeps = sweeps;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnIfTheLedgerMayBeShared() {
        if (!environment.isBlank() && (reconciles || sweeps)) {
            log.warn(
                    "Environment {} with reconciliation/sweep on: if environments share one pay database,"
                            + " the pay feed lists them all and this service would credit other environments' payments;"
                            + " set ACCOUNT_RECONCILE_ENABLED=false and ACCOUNT_SWEEP_ENABLED=false there",
                    environment);
        }
    }
}
