package io.dtx.notifier.control;

import io.dtx.contract.RechargeRules;
import io.dtx.notifier.notification.Notification;
import io.dtx.notifier.notification.Notifications;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The delivery log and what a person can do about a notification (internal, with the service token). */
@RestController
class NotificationController {

    private static final Logger log = LoggerFactory.getLogger(NotificationController.class);
    private static final int LISTED = 1000;
    private static final Duration LONGEST_REPLAY = Duration.ofDays(7);

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    /** {@code GET /notifier/notifications/{txNo}}: each subscription's notification, with every attempt. */
    @GetMapping(path = "/notifier/notifications/{txNo}", produces = MediaType.APPLICATION_JSON_VALUE)
    List<NotificationView> ofPayment(@PathVariable @Pattern(regexp = RechargeRules.TX_NO_PATTERN) String txNo) {
        List<Notification> found = notifications.ofPayment(txNo);
        if (found.isEmpty()) {
            throw new NotificationNotFoundException(txNo);
        }
        return found.stream()
                .map(n -> NotificationView.of(n, notifications.attemptsOf(n.id())))
                .toList();
    }

    /** {@code GET /notifier/notifications?status=gave_up} (the default), {@code pending} or {@code delivered}. */
    @GetMapping(path = "/notifier/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
    List<NotificationView> withStatus(
            @RequestParam(defaultValue = Notification.GAVE_UP)
                    @Pattern(regexp = "pending|delivered|gave_up", message = "must be pending, delivered or gave_up")
                    String status) {
        return notifications.withStatus(status, LISTED).stream()
                .map(n -> NotificationView.of(n, List.of()))
                .toList();
    }

    /** {@code POST /notifier/notifications/{txNo}/resend[?subscription=id]}: a new round from now. */
    @PostMapping(path = "/notifier/notifications/{txNo}/resend", produces = MediaType.APPLICATION_JSON_VALUE)
    List<NotificationView> resend(
            @PathVariable @Pattern(regexp = RechargeRules.TX_NO_PATTERN) String txNo,
            @RequestParam(required = false) @Pattern(regexp = "[a-z0-9-]{1,64}") String subscription) {
        if (notifications.resend(txNo, subscription) == 0) {
            throw new NotificationNotFoundException(txNo);
        }
        log.info(
                "Notification of payment {} re-sent by a person ({})",
                txNo,
                subscription == null ? "all" : subscription);
        return ofPayment(txNo);
    }

    /** {@code POST /notifier/replays?from=...&to=...}: every notification opened in [from, to) starts a new round. */
    @PostMapping(path = "/notifier/replays", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> replay(@RequestParam Instant from, @RequestParam Instant to) {
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(LONGEST_REPLAY) > 0) {
            throw new InvalidRangeException(
                    "from must be before to, at most " + LONGEST_REPLAY.toDays() + " days apart");
        }
        int restarted = notifications.replay(from, to);
        log.info("Replay by a person of notifications opened in [{}, {}): {} restarted", from, to, restarted);
        return Map.of("from", from, "to", to, "restarted", restarted);
    }
}
