package io.dtx.pay.outbox;

import io.dtx.contract.RechargeRules;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For a person (internal, with the service token): which rows of the local message table wait,
 * and "send it again" for a row the relay gave up on.
 */
@RestController
class OutboxController {

    private static final Logger log = LoggerFactory.getLogger(OutboxController.class);
    private static final int LISTED = 1000;

    private final OutboxTable table;
    private final OutboxSettings settings;

    OutboxController(OutboxTable table, OutboxSettings settings) {
        this.table = table;
        this.settings = settings;
    }

    /** {@code GET /pay/outbox?status=gave_up} (the default) or {@code status=init}: the first 1000 rows. */
    @GetMapping(path = "/pay/outbox", produces = MediaType.APPLICATION_JSON_VALUE)
    List<OutboxRow> list(
            @RequestParam(defaultValue = OutboxTable.GAVE_UP)
                    @Pattern(regexp = "init|gave_up", message = "must be init or gave_up")
                    String status) {
        return table.withStatus(status, LISTED);
    }

    /** {@code POST /pay/outbox/{txNo}/redrive}: a given-up row gets its sends back and is due now. */
    @PostMapping(path = "/pay/outbox/{txNo}/redrive", produces = MediaType.APPLICATION_JSON_VALUE)
    OutboxRow redrive(
            @PathVariable @Pattern(regexp = RechargeRules.TX_NO_PATTERN, message = "is not a transaction number")
                    String txNo) {
        OutboxRow row = table.find(txNo).orElseThrow(() -> new OutboxRowNotFoundException(txNo));
        if (!OutboxTable.GAVE_UP.equals(row.status())) {
            throw new NotGivenUpException(txNo, row.status());
        }
        if (table.redrive(txNo, settings.sends())) {
            log.info("Outbox row of payment {} re-driven by a person: {} send(s), due now", txNo, settings.sends());
        }
        return table.find(txNo).orElseThrow();
    }
}
