package io.dtx.relay.binlog;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer.CompatibilityMode;
import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One connection to the server's binlog, read from a given position until it ends. The client
 * library's own reconnect is off: every reconnect goes through the relay, which starts again from
 * its saved position, never from wherever the library had read to.
 */
public final class BinlogStream {

    private final BinaryLogClient client;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public BinlogStream(BinlogSettings settings, BinlogPosition from) {
        client = new BinaryLogClient(settings.host(), settings.port(), settings.user(), settings.password());
        client.setServerId(settings.serverId());
        client.setBinlogFilename(from.file());
        client.setBinlogPosition(from.offset());
        client.setKeepAlive(false);
        client.setSSLMode(settings.sslMode());
        client.setHeartbeatInterval(settings.heartbeat().toMillis());
        // A connection that went quiet (half open: no event, no heartbeat) fails its read after 15
        // heartbeats, so the relay connects again instead of waiting for ever.
        int readTimeoutMs = (int) Math.max(5_000, settings.heartbeat().toMillis() * 15);
        client.setSocketFactory(() -> {
            Socket socket = new Socket();
            socket.setSoTimeout(readTimeoutMs);
            return socket;
        });
        EventDeserializer events = new EventDeserializer();
        // Exact values: DATETIME as microseconds (UTC), strings as their bytes, decoded by the reader.
        events.setCompatibilityMode(
                CompatibilityMode.DATE_AND_TIME_AS_LONG_MICRO, CompatibilityMode.CHAR_AND_BINARY_AS_BYTE_ARRAY);
        events.setEventDataDeserializer(EventType.MARIADB_GTID, new MariadbTransactionStartDeserializer());
        client.setEventDeserializer(events);
        client.registerLifecycleListener(new BinaryLogClient.AbstractLifecycleListener() {
            @Override
            public void onCommunicationFailure(BinaryLogClient c, Exception e) {
                failure.compareAndSet(null, e);
            }

            @Override
            public void onEventDeserializationFailure(BinaryLogClient c, Exception e) {
                failure.compareAndSet(null, e);
                stop();
            }
        });
    }

    /**
     * Reads until the connection ends, handing every event to {@code events} on this thread.
     *
     * @throws IOException if it could not connect, or why it ended if not by {@link #stop()}
     */
    public void read(Consumer<Event> events) throws IOException {
        client.registerEventListener(events::accept);
        client.connect(); // blocks while connected
        Exception ended = failure.get();
        if (ended instanceof IOException io) {
            throw io;
        }
        if (ended != null) {
            throw new IOException(ended.getMessage(), ended);
        }
    }

    /** Ends the connection; safe from the reading thread itself and from any other. */
    public void stop() {
        try {
            client.disconnect();
        } catch (IOException e) {
            failure.compareAndSet(null, e);
        }
    }

    /** Records why the stream is being stopped, for {@link #read} to report. */
    public void stopBecause(Exception reason) {
        failure.compareAndSet(null, reason);
        stop();
    }
}
