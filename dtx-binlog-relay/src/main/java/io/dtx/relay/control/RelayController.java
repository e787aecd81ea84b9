package io.dtx.relay.control;

import io.dtx.relay.relaying.BinlogRelay;
import io.dtx.relay.relaying.RelayStatus;
import io.dtx.relay.routing.ExceptionTable;
import io.dtx.relay.routing.KeptPayment;
import io.dtx.relay.routing.Router;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The relay's internal endpoints (service token): where it is, what it kept back, a person's decision. */
@RestController
@RequestMapping("/relay")
class RelayController {

    private static final Set<String> STATUSES = Set.of(KeptPayment.OPEN, KeptPayment.PUBLISHED, KeptPayment.REFUSED);

    private final BinlogRelay relay;
    private final ExceptionTable exceptions;
    private final Router router;

    RelayController(BinlogRelay relay, ExceptionTable exceptions, Router router) {
        this.relay = relay;
        this.exceptions = exceptions;
        this.router = router;
    }

    @GetMapping("/status")
    RelayStatus status() {
        return relay.status();
    }

    @GetMapping("/exceptions")
    List<ExceptionView> exceptions(@RequestParam(defaultValue = KeptPayment.OPEN) String status) {
        if (!STATUSES.contains(status)) {
            throw new BadRelayRequestException("status must be one of " + STATUSES);
        }
        return exceptions.withStatus(status, 500).stream()
                .map(ExceptionView::of)
                .toList();
    }

    /**
     * A person names the environment of a payment the relay kept back; the compensation job
     * publishes it there. Only an environment the relay routes to is accepted.
     */
    @PostMapping("/exceptions/{txNo}/route")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ExceptionView route(@PathVariable String txNo, @RequestBody RouteRequest request) {
        String environment =
                request.environment() == null ? "" : request.environment().strip();
        if (!router.knows(environment)) {
            throw new BadRelayRequestException("The relay routes to no environment '" + environment + "'");
        }
        if (!exceptions.assign(txNo, environment)) {
            throw new UnknownExceptionRowException(txNo);
        }
        return exceptions.find(txNo).map(ExceptionView::of).orElseThrow();
    }
}
