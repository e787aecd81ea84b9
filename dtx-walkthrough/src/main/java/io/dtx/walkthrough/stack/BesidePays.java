package io.dtx.walkthrough.stack;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The benchmark's pay instances beside the first: one per publisher, each on a port of its own. */
final class BesidePays {

    private final Map<String, JavaProcess> pays = new ConcurrentHashMap<>();

    /** Starts one publishing with {@code publisher} on {@code payPort + offset}; its URL once healthy. */
    String start(Workspace workspace, ServiceLaunch launch, String publisher, int offset, Duration timeout) {
        int port = workspace.payPort() + offset;
        JavaProcess pay =
                launch.payInstance("pay-" + publisher, port, publisher).start();
        pays.put(publisher, pay);
        String url = "http://127.0.0.1:" + port;
        pay.awaitHealthy(url, timeout);
        return url;
    }

    JavaProcess get(String publisher) {
        return pays.get(publisher);
    }

    void stop() {
        pays.values().forEach(JavaProcess::stop);
    }
}
