package io.dtx.relay.routing;

import io.dtx.contract.Messaging;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whether to route per environment, and how.
 *
 * @param enabled     off: every payment goes to the topic of the relay's own {@code DTX_ENV}
 * @param users       database user -> environment, written {@code dtx_pay_dev=dev,dtx_pay_staging=staging}
 * @param environment the relay's own environment ({@code DTX_ENV}), used when routing is off
 */
@ConfigurationProperties("dtx.relay.routing")
public record RoutingSettings(boolean enabled, String users, String environment) {

    public RoutingSettings {
        users = users == null ? "" : users.strip();
        environment = environment == null ? "" : environment.strip();
        if (!environment.isEmpty()) {
            Messaging.checkEnvironment(environment);
        }
        if (enabled && userEnvironments(users).isEmpty()) {
            throw new IllegalStateException(
                    "Routing per environment is on (RELAY_ROUTING_ENABLED) but RELAY_ROUTES maps no user");
        }
    }

    /** The map written in {@link #users}, each environment checked. */
    public Map<String, String> userEnvironments() {
        return userEnvironments(users);
    }

    private static Map<String, String> userEnvironments(String users) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : users.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.split("=", 2);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new IllegalStateException("RELAY_ROUTES: expected user=environment, got '" + pair.strip() + "'");
            }
            if (map.put(parts[0].strip(), Messaging.checkEnvironment(parts[1].strip())) != null) {
                throw new IllegalStateException("RELAY_ROUTES maps user " + parts[0].strip() + " twice");
            }
        }
        return Map.copyOf(map);
    }
}
