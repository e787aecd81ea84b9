package io.dtx.walkthrough.chaos;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What the bad-input campaign saw.
 *
 * @param notSendable        requests Java's HTTP client itself refused to send
 * @param replies            replies by HTTP status ({@code connection closed} for a cut-off body)
 * @param accepted           2xx or 3xx replies: each is a defect
 * @param serverErrors       5xx replies: each is a defect
 * @param withoutProblemBody 4xx replies without an RFC 9457 problem body
 * @param databasesUnchanged whether both databases were the same afterwards
 */
record InputReport(
        int sent,
        int notSendable,
        Map<String, Integer> replies,
        int accepted,
        int serverErrors,
        int withoutProblemBody,
        boolean databasesUnchanged,
        List<String> examples) {

    @JsonProperty("holds")
    boolean holds() {
        return accepted == 0 && serverErrors == 0 && withoutProblemBody == 0 && databasesUnchanged;
    }
}
