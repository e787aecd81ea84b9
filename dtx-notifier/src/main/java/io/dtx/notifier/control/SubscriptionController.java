package io.dtx.notifier.control;

import io.dtx.notifier.subscription.Subscriptions;
import io.dtx.notifier.subscription.UnknownSubscriptionException;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The receivers, without their secrets, and turning one off or on (internal, with the service token). */
@RestController
class SubscriptionController {

    private final Subscriptions subscriptions;

    SubscriptionController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GetMapping(path = "/notifier/subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
    List<SubscriptionView> all() {
        return subscriptions.all().stream().map(SubscriptionView::of).toList();
    }

    @PostMapping(path = "/notifier/subscriptions/{id}/enable", produces = MediaType.APPLICATION_JSON_VALUE)
    SubscriptionView enable(@PathVariable @Pattern(regexp = "[a-z0-9-]{1,64}") String id) {
        subscriptions.enable(id);
        return view(id);
    }

    @PostMapping(path = "/notifier/subscriptions/{id}/disable", produces = MediaType.APPLICATION_JSON_VALUE)
    SubscriptionView disable(@PathVariable @Pattern(regexp = "[a-z0-9-]{1,64}") String id) {
        subscriptions.disable(id, "disabled by a person");
        return view(id);
    }

    private SubscriptionView view(String id) {
        return subscriptions.find(id).map(SubscriptionView::of).orElseThrow(() -> new UnknownSubscriptionException(id));
    }
}
