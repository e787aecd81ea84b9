package io.dtx.walkthrough.chaos;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/**
 * {@code latest.json} of {@code ./dtx chaos}: the fault campaign's fields at the top level (absent
 * with {@code --inputs}), the bad-input campaign under {@code bad_inputs} (absent with
 * {@code --bad-inputs 0}), and the verdict.
 *
 * @param verdict {@code PASS} only if every part that ran held
 */
public record ChaosReport(
        long seed,
        @JsonUnwrapped FaultReport faultCampaign,
        @JsonInclude(JsonInclude.Include.NON_NULL) InputReport badInputs,
        String verdict,
        String generatedAt) {

    static ChaosReport of(long seed, FaultReport faults, InputReport inputs) {
        boolean held = (faults == null || faults.holds()) && (inputs == null || inputs.holds());
        return new ChaosReport(
                seed, faults, inputs, held ? "PASS" : "FAIL", Instant.now().toString());
    }

    public boolean passed() {
        return "PASS".equals(verdict);
    }
}
