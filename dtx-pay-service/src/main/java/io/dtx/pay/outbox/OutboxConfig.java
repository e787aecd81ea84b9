package io.dtx.pay.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The relay's settings, its schedule, and the few threads that send right after commit. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxSettings.class)
@EnableScheduling
class OutboxConfig {

    /**
     * Two threads and a bounded queue: when the broker is slow, the sends right after commit must
     * not pile up without limit. What does not fit is dropped here and sent by the relay instead.
     */
    @Bean(destroyMethod = "shutdown")
    ExecutorService outboxSendSoon(MeterRegistry metrics) {
        AtomicInteger threads = new AtomicInteger();
        return new ThreadPoolExecutor(
                2,
                2,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1000),
                runnable -> {
                    Thread thread = new Thread(runnable, "outbox-send-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                // Dropped, and counted: the row is the relay's once its grace is over.
                (runnable, executor) ->
                        metrics.counter("dtx.pay.outbox.send_soon.dropped").increment());
    }
}
