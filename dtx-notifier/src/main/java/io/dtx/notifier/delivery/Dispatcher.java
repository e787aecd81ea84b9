package io.dtx.notifier.delivery;

import io.dtx.notifier.notification.DeliveryAttempt;
import io.dtx.notifier.notification.Notification;
import io.dtx.notifier.notification.Notifications;
import io.dtx.notifier.schedule.Timing;
import io.dtx.notifier.subscription.Subscription;
import io.dtx.notifier.subscription.Subscriptions;
import io.dtx.web.journey.Journeys;
import io.dtx.web.journey.Milestone;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code poll-interval}: claims what is due (with a lease, so a second instance takes other
 * rows) and makes the calls on a fixed pool, each recorded when its answer is in. A notifier
 * killed mid-call leaves its rows leased, not lost: when the lease runs out the same attempt is made
 * again (at least once), and the attempts after it keep their places in the schedule.
 */
@Component
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    /** Claims per round before the scheduler's other jobs get a turn. */
    private static final int MAX_CLAIMS_PER_ROUND = 10;

    private final Notifications notifications;
    private final Subscriptions subscriptions;
    private final CallbackClient client;
    private final DeliverySettings settings;
    private final Timing timing;
    private final MeterRegistry metrics;
    private final ExecutorService calls;
    private final Semaphore freeThreads;
    private final Journeys journeys;

    Dispatcher(
            Notifications notifications,
            Subscriptions subscriptions,
            CallbackClient client,
            DeliverySettings settings,
            MeterRegistry metrics,
            Journeys journeys) {
        this.journeys = journeys;
        this.notifications = notifications;
        this.subscriptions = subscriptions;
        this.client = client;
        this.settings = settings;
        this.timing = settings.timing();
        this.metrics = metrics;
        this.freeThreads = new Semaphore(settings.threads());
        AtomicInteger threadNumber = new AtomicInteger();
        this.calls = Executors.newFixedThreadPool(
                settings.threads(), r -> new Thread(r, "notify-" + threadNumber.incrementAndGet()));
    }

    @Scheduled(
            initialDelayString = "${dtx.notifier.delivery.poll-interval:PT0.2S}",
            fixedDelayString = "${dtx.notifier.delivery.poll-interval:PT0.2S}")
    void dispatchDue() {
        try {
            for (int i = 0; i < MAX_CLAIMS_PER_ROUND && dispatch() > 0; i++) {
                // claimed as many as there were free threads: more may be due
            }
        } catch (RuntimeException e) {
            // Nothing is lost: a claimed row whose attempt was not recorded comes due when its lease ends.
            log.warn("Dispatch round failed: {}", e.getMessage());
        }
    }

    /**
     * Claims only as many as there are free threads, and does not wait for the calls: a slow
     * receiver holds one thread until its timeout, never the attempts that are due for others.
     *
     * @return how many were claimed, if that filled every free thread; else 0
     */
    private int dispatch() {
        int free = freeThreads.availablePermits();
        Map<String, Subscription> callable =
                subscriptions.callable().stream().collect(Collectors.toMap(Subscription::id, Function.identity()));
        List<Notification> due = notifications.claimDue(List.copyOf(callable.keySet()), free, settings.lease());
        for (Notification n : due) {
            freeThreads.acquireUninterruptibly(); // only this thread takes permits: never waits here
            calls.execute(() -> {
                try {
                    attempt(n, callable.get(n.subscriptionId()));
                } finally {
                    freeThreads.release();
                }
            });
        }
        return !due.isEmpty() && due.size() == free ? free : 0;
    }

    private void attempt(Notification n, Subscription s) {
        MDC.put("txNo", n.txNo());
        try {
            int number = n.attempts() + 1;
            if (number > s.schedule().attempts()) {
                // The schedule was shortened under this notification: its attempts are spent.
                if (notifications.finish(n, attemptNotMade(n, number), Notification.GAVE_UP, Instant.now())) {
                    metrics.counter("dtx.notifier.gave.up", "subscription", s.id())
                            .increment();
                    log.error(
                            "ALARM notification of payment {} to {} gave up: its schedule has {} attempt(s) now",
                            n.txNo(),
                            s.id(),
                            s.schedule().attempts());
                }
                return;
            }
            Instant planned = timing.plannedAt(s.schedule(), n.firstDueAt(), number);
            Instant started = Instant.now();
            long timestamp = started.getEpochSecond();
            String signature = subscriptions.signer(s.id()).sign(n.webhookId(), timestamp, n.payload());
            CallbackReply reply = client.post(s.url(), n.payload(), n.webhookId(), timestamp, signature);
            NextStep step = NextStep.after(reply, n, s, timing, Instant.now(), settings.maxRetryAfter());
            DeliveryAttempt logged = new DeliveryAttempt(
                    n.id(),
                    n.round(),
                    number,
                    planned,
                    started,
                    reply.latencyMillis(),
                    reply.status() == 0 ? null : reply.status(),
                    step.outcome(),
                    step.outcome().equals(DeliveryAttempt.ACKNOWLEDGED) ? null : reply.describe());
            record(n, s, step, logged, reply);
        } catch (RuntimeException e) {
            // The database failed while recording: the lease brings the attempt back.
            log.warn("Attempt for payment {} to {} not recorded: {}", n.txNo(), n.subscriptionId(), e.getMessage());
        } finally {
            MDC.remove("txNo");
        }
    }

    /** Applies the attempt, if its claim still holds the row; only then its consequences. */
    private void record(Notification n, Subscription s, NextStep step, DeliveryAttempt logged, CallbackReply reply) {
        if (!notifications.finish(n, logged, step.status(), step.nextAttemptAt())) {
            // Overtaken (lease ran out, or a person's re-send): the claim that holds the row decides.
            metrics.counter("dtx.notifier.attempts.superseded", "subscription", s.id())
                    .increment();
            return;
        }
        if (step.disableSubscription()) {
            subscriptions.disable(s.id(), "410 Gone from " + s.shownUrl());
        }
        count(s, step, Duration.between(logged.dueAt(), logged.startedAt()), reply.latencyMillis());
        journeys.record(
                n.txNo(),
                Milestone.NOTIFICATION_ATTEMPT,
                "#" + logged.attempt() + " to " + s.id() + ": " + reply.describe() + " -> " + step.status());
        if (Notification.GAVE_UP.equals(step.status())) {
            journeys.record(n.txNo(), Milestone.NOTIFICATION_GIVEN_UP, "to " + s.id());
            log.error(
                    "ALARM notification of payment {} to {} gave up after {} attempt(s), last: {}",
                    n.txNo(),
                    s.id(),
                    logged.attempt(),
                    reply.describe());
        }
    }

    private static DeliveryAttempt attemptNotMade(Notification n, int number) {
        Instant now = Instant.now();
        return new DeliveryAttempt(
                n.id(),
                n.round(),
                number,
                now,
                now,
                0,
                null,
                DeliveryAttempt.FAILED,
                "schedule has no attempt " + number);
    }

    private void count(Subscription s, NextStep step, Duration late, long latencyMillis) {
        metrics.counter("dtx.notifier.attempts", "subscription", s.id(), "outcome", step.outcome())
                .increment();
        metrics.timer("dtx.notifier.attempt.latency", "subscription", s.id()).record(Duration.ofMillis(latencyMillis));
        metrics.timer("dtx.notifier.attempt.lateness", "subscription", s.id())
                .record(late.isNegative() ? Duration.ZERO : late);
        if (Notification.GAVE_UP.equals(step.status())) {
            metrics.counter("dtx.notifier.gave.up", "subscription", s.id()).increment();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        calls.shutdown();
        calls.awaitTermination(settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
    }
}
