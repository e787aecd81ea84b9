package io.dtx.relay.relaying;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** DOWN once the relay has stopped for good (its position is gone); a person must act. */
@Component
class RelayHealth implements HealthIndicator {

    private final BinlogRelay relay;

    RelayHealth(BinlogRelay relay) {
        this.relay = relay;
    }

    @Override
    public Health health() {
        RelayStatus status = relay.status();
        RelayState state = relay.state();
        boolean stopped = state == RelayState.POSITION_LOST || state == RelayState.FAILED;
        Health.Builder health = stopped ? Health.down() : Health.up();
        return health.withDetail("state", status.state())
                .withDetail("read", String.valueOf(status.read()))
                .withDetail("saved", String.valueOf(status.saved()))
                .build();
    }
}
