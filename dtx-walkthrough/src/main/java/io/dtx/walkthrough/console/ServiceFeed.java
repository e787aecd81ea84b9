package io.dtx.walkthrough.console;

import io.dtx.walkthrough.probe.Http;
import io.dtx.walkthrough.probe.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one service's journey steps on from where it last read, with the service token. A
 * restarted process numbers its steps from 1 again: a new instance id starts the reading over.
 */
final class ServiceFeed {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final String baseUrl;
    private final Http http;
    private String instance = "";
    private long after;

    ServiceFeed(String name, String baseUrl, Http http) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.http = http;
    }

    /** The steps told since the last call; none while the service does not answer. */
    List<Step> poll() {
        Reply reply = http.get(baseUrl + "/journeys?after=" + after);
        if (reply.status() != 200) {
            return List.of();
        }
        JsonNode page = JSON.readTree(reply.body());
        String told = page.get("instance").asString();
        if (!told.equals(instance)) {
            instance = told;
            if (after != 0) {
                after = 0; // a restarted process: everything it told is new
                return poll();
            }
        }
        List<Step> steps = new ArrayList<>();
        for (JsonNode step : page.get("steps")) {
            steps.add(new Step(
                    Instant.parse(step.get("at").asString()),
                    name,
                    step.get("txNo").asString(),
                    step.get("milestone").asString(),
                    step.get("label").asString(),
                    step.get("detail").asString("")));
        }
        after = page.get("last").asLong();
        return steps;
    }
}
