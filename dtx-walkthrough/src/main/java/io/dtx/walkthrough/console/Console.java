package io.dtx.walkthrough.console;

import io.dtx.walkthrough.probe.Http;
import io.dtx.walkthrough.stack.LocalStack;
import io.dtx.walkthrough.stack.Workspace;
import io.dtx.walkthrough.words.Words;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The learners' console for a running local stack: reads every service's journey steps twice a
 * second into its own book, asks the broker for the dead-letter depth every few seconds, and
 * serves the page. Stops with the process that started the stack.
 */
public final class Console implements AutoCloseable {

    /** {@code CONSOLE_PORT} overrides it. */
    public static final int DEFAULT_PORT = 56080;

    private final ConsoleServer server;
    private final String token;
    private final Faults faults;
    private final ScheduledExecutorService readers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "console-feed");
        thread.setDaemon(true);
        return thread;
    });

    private Console(ConsoleServer server, String token, Faults faults) {
        this.server = server;
        this.token = token;
        this.faults = faults;
    }

    /** The console's sentences: {@code console/words*.properties}. */
    static final String WORDS = "console/words";

    /** Serves the console for {@code stack} on {@code port} (0: any free port), its page in {@code language}. */
    public static Console start(Workspace workspace, LocalStack stack, int port, Locale language) {
        Words words = Words.in(WORDS, language);
        Http http = new Http(stack.serviceToken());
        JourneyBook book = new JourneyBook();
        Picture picture = new Picture(workspace, stack, http);
        List<ServiceFeed> feeds = new ArrayList<>(List.of(
                new ServiceFeed("pay", workspace.payUrl(), http),
                new ServiceFeed("account", workspace.accountUrl(), http),
                new ServiceFeed("notifier", workspace.notifierUrl(), http)));
        if (workspace.binlog()) {
            feeds.add(new ServiceFeed("relay", workspace.relayUrl(), http));
        }
        Faults faults = new Faults(workspace, stack, http, book, words);
        String token = newToken();
        ConsoleServer server;
        try {
            server = new ConsoleServer(port, new ConsoleApi(workspace, book, picture, faults, words), token);
        } catch (IOException e) {
            throw new UncheckedIOException("The console could not listen on port " + port, e);
        }
        Console console = new Console(server, token, faults);
        console.readers.scheduleWithFixedDelay(
                () -> feeds.forEach(feed -> read(book, feed)), 0, 500, TimeUnit.MILLISECONDS);
        console.readers.scheduleWithFixedDelay(() -> deadLetters(picture), 1, 5, TimeUnit.SECONDS);
        server.start();
        return console;
    }

    /** The page's address with this run's token: whoever has it can press the buttons. */
    public String url() {
        return "http://127.0.0.1:" + server.port() + "/?token=" + token;
    }

    @Override
    public void close() {
        readers.shutdownNow();
        faults.close();
        server.stop();
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void read(JourneyBook book, ServiceFeed feed) {
        try {
            book.add(feed.poll());
        } catch (RuntimeException e) {
            // A service mid-restart answers oddly for a moment: read it again next time.
        }
    }

    private static void deadLetters(Picture picture) {
        try {
            picture.readDeadLetters();
        } catch (RuntimeException e) {
            // The broker is down: the depth stays as last read.
        }
    }
}
