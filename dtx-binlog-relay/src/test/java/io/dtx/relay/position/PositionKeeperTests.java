package io.dtx.relay.position;

import static org.assertj.core.api.Assertions.assertThat;

import io.dtx.relay.binlog.BinlogPosition;
import io.dtx.relay.binlog.CommittedTransaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PositionKeeperTests {

    private final List<BinlogPosition> saves = new ArrayList<>();
    private final PositionTable table = new PositionTable(null, "test") {
        @Override
        public void save(BinlogPosition position) {
            saves.add(position);
        }

        @Override
        public Optional<BinlogPosition> load() {
            return Optional.empty();
        }
    };
    private Instant now = Instant.parse("2026-12-02T10:00:00Z");
    private final PositionKeeper keeper = new PositionKeeper(table, Duration.ofMillis(200), new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    });

    @Test
    void savesAtMostOncePerIntervalAndTheRestOnFlush() {
        keeper.startFrom(at(100));

        keeper.passed(transaction(200, false));
        keeper.passed(transaction(300, false));
        now = now.plusMillis(250);
        keeper.passed(transaction(400, false));
        keeper.passed(transaction(500, false));
        keeper.flush();

        assertThat(saves).containsExactly(at(200), at(400), at(500));
    }

    @Test
    void itsOwnPositionWritesAreNoReasonToSaveAgain() {
        keeper.startFrom(at(100));

        keeper.passed(transaction(200, true));
        now = now.plusSeconds(1);
        keeper.passed(transaction(300, true));
        keeper.flush();

        assertThat(saves).as("saving for its own saves would never stop").isEmpty();
        assertThat(keeper.saved()).contains(at(100));
    }

    private static BinlogPosition at(long offset) {
        return new BinlogPosition("binlog.000001", offset);
    }

    private static CommittedTransaction transaction(long next, boolean ownWrites) {
        return new CommittedTransaction(7, 1, Instant.EPOCH, List.of(), at(next), ownWrites);
    }
}
