package io.dtx.walkthrough.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/** What the console and the services answer a caller without this run's token (no browser). */
final class ConsoleGuards {

    private ConsoleGuards() {}

    static void refuseWithoutTheToken(String consoleUrl, String payUrl) throws Exception {
        String base = consoleUrl.substring(0, consoleUrl.indexOf("/?token="));
        String token = consoleUrl.substring(consoleUrl.indexOf("=") + 1);
        String state = base + "/api/state";
        String stop = base + "/api/faults/stop-account";
        String wrong = token + "x";

        assertThat(AccountCredits.status(state, "GET", Map.of())).isEqualTo(401);
        assertThat(AccountCredits.status(state, "GET", Map.of("Dtx-Console-Token", wrong)))
                .isEqualTo(401);
        assertThat(AccountCredits.status(stop, "POST", Map.of())).isEqualTo(401);
        assertThat(AccountCredits.status(stop, "GET", Map.of("Dtx-Console-Token", token)))
                .isEqualTo(405);
        assertThat(AccountCredits.status(
                        stop, "POST", Map.of("Dtx-Console-Token", token, "Origin", "http://a.example")))
                .as("the right token from another site's page")
                .isEqualTo(403);
        assertThat(AccountCredits.status(state, "GET", Map.of("Dtx-Console-Token", token)))
                .isEqualTo(200);
        assertThat(AccountCredits.status(payUrl + "/journeys", "GET", Map.of()))
                .as("a service's journey steps without the service token")
                .isEqualTo(401);
    }
}
