package io.dtx.walkthrough.compose;

import io.dtx.testsupport.ScriptRun;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/** Reading {@code docker-compose.yml}: its services and what each one mounts, runs and waits for. */
final class ComposeServices {

    private ComposeServices() {}

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> read() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ScriptRun.ROOT.resolve("docker-compose.yml")));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    static List<String> volumes(Map<String, Object> service) {
        return ((List<?>) service.getOrDefault("volumes", List.of()))
                .stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> environment(Map<String, Object> service) {
        return new LinkedHashMap<>((Map<String, Object>) service.getOrDefault("environment", Map.of()));
    }

    /** The services this one waits for in the given condition, e.g. {@code service_completed_successfully}. */
    static List<String> dependencies(Map<String, Object> service, String condition) {
        List<String> names = new ArrayList<>();
        if (service.get("depends_on") instanceof Map<?, ?> dependencies) {
            dependencies.forEach((name, how) -> {
                if (condition.equals(((Map<?, ?>) how).get("condition"))) {
                    names.add((String) name);
                }
            });
        }
        return names;
    }

    /** Services another one waits for to complete: they run once and have nothing to health-check. */
    static Set<String> oneShots(Map<String, Map<String, Object>> services) {
        Set<String> oneShots = new HashSet<>();
        services.values().forEach(service -> oneShots.addAll(dependencies(service, "service_completed_successfully")));
        return oneShots;
    }

    /** The programs its health check, entry point and command start (options and java's own commands aside). */
    static List<String> programs(Map<String, Object> service) {
        List<String> programs = new ArrayList<>();
        if (service.get("healthcheck") instanceof Map<?, ?> healthcheck) {
            List<?> test = (List<?>) healthcheck.get("test");
            programs.add(
                    test.get(0).equals("CMD-SHELL")
                            ? String.valueOf(test.get(1)).split(" ")[0]
                            : String.valueOf(test.get(1)));
        }
        for (String key : List.of("entrypoint", "command")) {
            if (service.get(key) instanceof List<?> words
                    && !String.valueOf(words.get(0)).startsWith("-")) {
                programs.add(String.valueOf(words.get(0)));
            }
        }
        return programs;
    }
}
