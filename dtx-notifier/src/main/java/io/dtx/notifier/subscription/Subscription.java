package io.dtx.notifier.subscription;

import io.dtx.notifier.schedule.Schedule;
import java.net.URI;

/**
 * A receiver as the notifier sees it now (no secret: those stay in the {@link CallbackSigner}).
 *
 * @param disabledReason why it is off (410 Gone, a person), or null
 */
public record Subscription(
        String id, String url, Schedule schedule, String ackBody, boolean enabled, String disabledReason) {

    /**
     * The address without what must not be shown (user info, query string): for logs, the API and
     * reasons kept in the table. The real one is used only to call.
     */
    public String shownUrl() {
        return shown(url);
    }

    /** An address without user info or query string, or a placeholder if it cannot be read. */
    static String shown(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    + (uri.getRawPath() == null ? "" : uri.getRawPath());
        } catch (RuntimeException e) {
            return "(an address that is not a URL)";
        }
    }

    @Override
    public String toString() {
        return "Subscription[" + id + ", " + shownUrl() + ", " + schedule.name() + ", enabled=" + enabled + "]";
    }

    /** Whether a reply body acknowledges: any, or exactly the required word (surrounding blanks aside). */
    public boolean acknowledges(String body) {
        return ackBody == null
                || ackBody.isBlank()
                || (body != null && body.strip().equals(ackBody));
    }
}
