package io.dtx.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The relay's exception table as its API shows it, and a person routing a kept payment. */
final class KeptPayments {

    private final RelayStack stack;

    KeptPayments(RelayStack stack) {
        this.stack = stack;
    }

    /** The row for txNo among those with the given status, or null. */
    JsonNode find(String txNo, String status) {
        Http.Response list = stack.relayHttp().get("/relay/exceptions?status=" + status);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        for (JsonNode row : list.json()) {
            if (row.get("txNo").asString().equals(txNo)) {
                return row;
            }
        }
        return null;
    }

    /** A person routes a kept payment, with the operator's token. */
    Http.Response route(String txNo, String environment) {
        return stack.relayHttp()
                .post(
                        "/relay/exceptions/" + txNo + "/route",
                        "{\"environment\":\"" + environment + "\"}",
                        Map.of("Content-Type", "application/json", "Dtx-Operator-Token", RelayStack.OPERATOR_TOKEN));
    }
}
