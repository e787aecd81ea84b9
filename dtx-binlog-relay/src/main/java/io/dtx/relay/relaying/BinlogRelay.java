package io.dtx.relay.relaying;

import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.network.ServerException;
import io.dtx.relay.binlog.BinlogPosition;
import io.dtx.relay.binlog.BinlogSettings;
import io.dtx.relay.binlog.BinlogStream;
import io.dtx.relay.binlog.SourceServer;
import io.dtx.relay.binlog.TransactionAssembler;
import io.dtx.relay.position.PositionKeeper;
import io.dtx.relay.position.PositionTable;
import io.dtx.relay.routing.Router;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The relay's loop, on a thread of its own: resume from the saved position, read committed
 * transactions, publish them, save the position behind the acknowledgements. On any failure (the
 * broker down, the server gone) it drops the connection, waits (doubling up to a limit) and reads
 * again from the saved position, so nothing it had not finished is skipped. A saved position the
 * server no longer has stops the relay for good, with an ERROR and a metric: going on from
 * anywhere else would skip payments silently.
 */
@Component
public class BinlogRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BinlogRelay.class);
    /** The server's "cannot send the binlog from there": a purged file, but also other causes. */
    private static final int CANNOT_READ_FROM_THERE = 1236;

    private final BinlogSettings settings;
    private final SourceServer source;
    private final PositionTable positions;
    private final PositionKeeper keeper;
    private final TransactionHandler handler;
    private final StartChecks checks;
    private final Router router;
    private final String startAt;
    private final Duration firstWait;
    private final Duration longestWait;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile BinlogStream stream;
    private volatile RelayState state = RelayState.STARTING;
    private volatile String lastError;
    private volatile BinlogPosition read;

    BinlogRelay(
            BinlogSettings settings,
            SourceServer source,
            PositionTable positions,
            PositionKeeper keeper,
            TransactionHandler handler,
            StartChecks checks,
            Router router,
            MeterRegistry meters,
            @Value("${dtx.relay.first-start:end}") String startAt,
            @Value("${dtx.relay.retry.first-wait:PT1S}") Duration firstWait,
            @Value("${dtx.relay.retry.longest-wait:PT30S}") Duration longestWait) {
        this.settings = settings;
        this.source = source;
        this.positions = positions;
        this.keeper = keeper;
        this.handler = handler;
        this.checks = checks;
        this.router = router;
        this.startAt = startAt;
        this.firstWait = firstWait;
        this.longestWait = longestWait;
        meters.gauge("dtx.relay.position.lost", this, relay -> relay.state == RelayState.POSITION_LOST ? 1 : 0);
        meters.gauge("dtx.relay.reading", this, relay -> relay.state == RelayState.READING ? 1 : 0);
    }

    /** Refuses to start where the relay could not do its work (see {@link StartChecks}). */
    @Override
    public void start() {
        checks.run();
        // Before readiness: a first start's position is fixed before anyone is told the relay is up.
        positions.load().orElseGet(this::firstStart);
        running = true;
        thread = new Thread(this::loop, "binlog-relay");
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> {
            state = RelayState.FAILED;
            lastError = String.valueOf(e);
            log.error("Binlog relay stopped by an error it cannot recover from", e);
        });
        thread.start();
    }

    private void loop() {
        Duration wait = firstWait;
        while (running) {
            try {
                readFrom(startingPoint());
                wait = firstWait;
                if (running) {
                    // The server ended the stream without an error (a restart, a KILL): read again soon.
                    log.info("Binlog relay: the server ended the stream; reading again from {}", keeper.saved());
                    sleep(firstWait);
                }
            } catch (PositionLostException e) {
                state = RelayState.POSITION_LOST;
                lastError = e.getMessage();
                log.error("Binlog relay stopped: {}", e.getMessage());
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                state = RelayState.WAITING;
                lastError = String.valueOf(e.getMessage());
                log.warn("Binlog relay: {}; reading again from {} in {}", e.getMessage(), keeper.saved(), wait);
                sleep(wait);
                wait = wait.multipliedBy(2).compareTo(longestWait) > 0 ? longestWait : wait.multipliedBy(2);
            }
        }
    }

    private BinlogPosition startingPoint() {
        BinlogPosition from = positions.load().orElseGet(this::firstStart);
        if (!source.files().contains(from.file())) {
            throw PositionLostException.at(from, "its file is not in SHOW BINARY LOGS");
        }
        return from;
    }

    /** No saved position: a documented choice, never a guess (README, "The binlog relay"). */
    private BinlogPosition firstStart() {
        List<String> files = source.files();
        BinlogPosition from = "earliest".equals(startAt) ? new BinlogPosition(files.get(0), 4) : source.end();
        positions.save(from);
        log.warn(
                "Binlog relay: no saved position; first start at {} ({}). Payments committed before it are"
                        + " not relayed by it: reconciliation credits them (single environment only).",
                from,
                startAt);
        return from;
    }

    private void readFrom(BinlogPosition from) throws Exception {
        checks.holdLock();
        keeper.startFrom(from);
        router.connectedTo(source.serverId());
        TransactionAssembler assembler =
                new TransactionAssembler(settings.schema(), settings.table(), settings.ownSchema());
        assembler.startAt(from);
        BinlogStream current = new BinlogStream(settings, from);
        AtomicBoolean failed = new AtomicBoolean();
        stream = current;
        if (!running) {
            return; // stop() came before there was a stream to end
        }
        state = RelayState.READING;
        log.info("Binlog relay reading {}.{} from {}", settings.schema(), settings.table(), from);
        try {
            current.read(event -> onEvent(event, assembler, current, failed));
        } catch (Exception e) {
            Throwable why = e instanceof ServerException ? e : e.getCause();
            if (why instanceof ServerException server
                    && server.getErrorCode() == CANNOT_READ_FROM_THERE
                    && !source.files().contains(from.file())) {
                throw PositionLostException.at(from, server.getMessage());
            }
            throw e; // other reasons for 1236 (a replica with the same server id, ...) pass: try again
        } finally {
            stream = null;
            keeper.flush();
        }
    }

    private void onEvent(Event event, TransactionAssembler assembler, BinlogStream current, AtomicBoolean failed) {
        if (failed.get()) {
            return; // stopping: nothing after a failure may pass
        }
        try {
            EventType type = event.getHeader().getEventType();
            if (type == EventType.HEARTBEAT || type == EventType.HEARTBEAT_V2) {
                checks.holdLock();
                keeper.flush();
                return;
            }
            assembler.accept(event).ifPresent(transaction -> {
                handler.handle(transaction);
                read = transaction.next();
            });
        } catch (RuntimeException e) {
            failed.set(true);
            current.stopBecause(e);
        }
    }

    public RelayStatus status() {
        return new RelayStatus(
                state.name().toLowerCase(Locale.ROOT),
                read == null ? null : read.toString(),
                keeper.saved().map(BinlogPosition::toString).orElse(null),
                lastError);
    }

    RelayState state() {
        return state;
    }

    @Override
    public void stop() {
        running = false;
        BinlogStream current = stream;
        if (current != null) {
            current.stop();
        }
        Thread reader = thread;
        if (reader != null) {
            reader.interrupt();
            try {
                reader.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        checks.release();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
