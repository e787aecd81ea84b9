package io.dtx.web.journey;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /journeys?after=N}: the steps this process saw, for the learners' console. Internal
 * (the service token): it names payments and accounts' amounts, never a secret or a balance.
 */
@RestController
class JourneyController {

    private final Journeys journeys;

    JourneyController(Journeys journeys) {
        this.journeys = journeys;
    }

    @GetMapping("/journeys")
    JourneyPage after(@RequestParam(defaultValue = "0") long after) {
        return journeys.after(Math.max(0, after));
    }
}
