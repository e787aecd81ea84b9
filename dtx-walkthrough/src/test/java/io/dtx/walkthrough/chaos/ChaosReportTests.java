package io.dtx.walkthrough.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.dtx.walkthrough.report.JsonReports;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The verdict's logic, and {@code latest.json} under the field names docs/reliability.md quotes. */
class ChaosReportTests {

    private static final Set<String> FAULT_CAMPAIGN_FIELDS = Set.of(
            "recharges",
            "concurrency",
            "load_s",
            "faults",
            "fault_log",
            "acknowledged",
            "client_attempts",
            "client_retries",
            "client_gave_up",
            "client_refused",
            "client_replies",
            "payments",
            "rolled_back",
            "credits",
            "credits_by_path",
            "lost",
            "doubled",
            "phantom",
            "mismatched",
            "acknowledged_missing",
            "told_no_but_charged",
            "converged",
            "converge_s",
            "converge_after_load_s",
            "stuck",
            "examples",
            "refused_examples");

    @Test
    void passesOnlyWhenConvergedWithNothingLostAndEveryBadInputRefused() {
        assertThat(ChaosReport.of(7, faults(true, 0), inputs(0)).verdict()).isEqualTo("PASS");
        assertThat(ChaosReport.of(7, faults(false, 0), inputs(0)).verdict()).isEqualTo("FAIL");
        assertThat(ChaosReport.of(7, faults(true, 1), inputs(0)).verdict()).isEqualTo("FAIL");
        assertThat(ChaosReport.of(7, faults(true, 0), inputs(1)).passed()).isFalse();
        assertThat(ChaosReport.of(7, null, inputs(0)).passed())
                .as("--inputs alone")
                .isTrue();
    }

    @Test
    void theFileHasTheFieldsTheDocsName() {
        JsonNode json = parse(ChaosReport.of(7, faults(true, 0), inputs(0)));

        Set<String> expected = new TreeSet<>(FAULT_CAMPAIGN_FIELDS);
        expected.addAll(List.of("seed", "bad_inputs", "verdict", "generated_at"));
        assertThat(fieldNames(json)).isEqualTo(expected);
        assertThat(fieldNames(json.get("bad_inputs")))
                .containsExactlyInAnyOrder(
                        "sent",
                        "not_sendable",
                        "replies",
                        "accepted",
                        "server_errors",
                        "without_problem_body",
                        "databases_unchanged",
                        "examples",
                        "holds");
        assertThat(fieldNames(json.get("fault_log").get(0)))
                .containsExactlyInAnyOrder("kind", "atSeconds", "tookSeconds", "detail", "happened");
        assertThat(json.get("faults").get("PAY_KILLED").asInt()).isEqualTo(1);
        assertThat(json.get("verdict").asString()).isEqualTo("PASS");
    }

    @Test
    void aPartThatDidNotRunIsAbsentNotEmpty() {
        assertThat(fieldNames(parse(ChaosReport.of(7, null, inputs(0)))))
                .containsExactlyInAnyOrder("seed", "bad_inputs", "verdict", "generated_at");
        assertThat(fieldNames(parse(ChaosReport.of(7, faults(true, 0), null)))).doesNotContain("bad_inputs");
    }

    @Test
    void failsWhenAFaultDidNotReallyHappenOrTooManyCustomersWereLeftUnsettled() {
        assertThat(ChaosReport.of(7, faults(true, 0, false, 0), inputs(0)).verdict())
                .isEqualTo("FAIL");
        assertThat(ChaosReport.of(7, faults(true, 0, true, 2), inputs(0)).verdict())
                .as("2 of 10 customers gave up: over the 1% bound")
                .isEqualTo("FAIL");
        assertThat(ChaosReport.of(7, faults(true, 0, true, 1), inputs(0)).verdict())
                .as("one is always tolerated")
                .isEqualTo("PASS");
    }

    @Test
    void failsWhenACustomerToldNotTakenWasCharged() {
        Verdict charged = new Verdict(10, 1, 10, 0, 0, 0, 0, 0, 1, Map.of("MESSAGE", 10L), List.of());

        assertThat(charged.holds()).isFalse();
    }

    private static FaultReport faults(boolean converged, long lost) {
        return faults(converged, lost, true, 0);
    }

    private static FaultReport faults(boolean converged, long lost, boolean happened, int gaveUp) {
        Verdict verdict = new Verdict(10, 1, 10 - lost, lost, 0, 0, 0, 0, 0, Map.of("MESSAGE", 10 - lost), List.of());
        return new FaultReport(
                10,
                2,
                4.5,
                Map.of("PAY_KILLED", 1),
                List.of(new Faults.Injected(Faults.Kind.PAY_KILLED, 1.5, 0.3, "pid 1 killed, restarted", happened)),
                new FaultReport.Clients(10, 12, 2, gaveUp, 0, Map.of("201", 10), List.of()),
                verdict,
                new FaultReport.Convergence(converged, 2.0, 1.0, List.of()),
                null);
    }

    private static InputReport inputs(int accepted) {
        return new InputReport(20, 0, Map.of("400", 20 - accepted), accepted, 0, 0, true, List.of());
    }

    private static JsonNode parse(ChaosReport report) {
        return JsonMapper.builder().build().readTree(JsonReports.json(report));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
