package io.dtx.walkthrough.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.dtx.testsupport.ScriptRun;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The compose file against what its images really do ({@code docs/compose-images.md}, each fact
 * with its upstream source): no volume where the image's user cannot write, no heap setting the
 * image's start script overrides, no health check or entry point calling a missing program, no
 * configuration mounted where the image never reads it.
 */
class ImageFactsTests {

    private static final Pattern HEAP_FLAG = Pattern.compile("-Xm([snx])(\\d+)([mMgG])");

    private final Map<String, Map<String, Object>> services = ComposeServices.read();
    private final List<ImageFacts> facts = ImageFacts.read();

    ImageFactsTests() throws IOException {}

    @Test
    void everyServiceRunsTheImageItsFactsWereReadFor() throws IOException {
        String dockerfile = Files.readString(ScriptRun.ROOT.resolve("docker/service.Dockerfile"));
        Matcher from = Pattern.compile("(?m)^FROM (\\S+)$").matcher(dockerfile);
        String runtime = null;
        while (from.find()) {
            runtime = from.group(1);
        }
        for (String name : services.keySet()) {
            String image = services.get(name).containsKey("build")
                    ? runtime
                    : ((String) services.get(name).get("image")).replaceAll("\\$\\{[A-Z0-9_]+:-([^}]*)}", "$1");
            assertThat(factsOf(name).image()).as(name).isEqualTo(image);
        }
    }

    @Test
    void namedVolumesAreMountedOnlyWhereTheImagesUserCanWriteThem() {
        services.forEach((name, service) -> {
            ImageFacts image = factsOf(name);
            for (String volume : ComposeServices.volumes(service)) {
                String[] parts = volume.split(":");
                if (parts[0].startsWith("./") || "0:0".equals(service.get("user")) || image.writableAnywhere()) {
                    continue;
                }
                boolean writable = image.writableAt().stream().anyMatch(parts[1]::startsWith);
                assertThat(writable || handedOverFirst(name, parts[0], parts[1], image.uid()))
                        .as(name + " mounts volume " + parts[0] + " at " + parts[1] + ", which " + image.runsAs()
                                + " cannot write unless a one-shot step running as root chowns it first")
                        .isTrue();
            }
        });
    }

    @Test
    void heapsAreSetOnlyThroughTheVariablesTheImagesScriptsRead() {
        services.forEach((name, service) -> {
            if (ComposeServices.oneShots(services).contains(name) || service.containsKey("build")) {
                return;
            }
            ImageFacts image = factsOf(name);
            Map<String, Object> environment = ComposeServices.environment(service);
            environment.forEach((variable, value) -> {
                if (HEAP_FLAG.matcher(String.valueOf(value)).find()) {
                    assertThat(image.heapVariables())
                            .as(name + " sets a heap in " + variable)
                            .contains(variable);
                }
            });
            if (image.heapVariables().isEmpty()) {
                return; // not a JVM
            }
            assertThat(environment)
                    .as(name + " sets its heap")
                    .containsKeys(image.heapVariables().toArray(String[]::new));
            long heap = megabytes(environment, "x", "JVM_XMX");
            long young = megabytes(environment, "n", "JVM_XMN");
            assertThat(heap).as(name + " maximum heap").isPositive().isLessThan(megabytes(service.get("mem_limit")));
            assertThat(young).as(name + " young generation, below the heap").isLessThan(heap);
        });
    }

    @Test
    void theBuiltServicesSizeTheirJvmFromTheContainersLimitInTheDockerfile() throws IOException {
        String dockerfile = Files.readString(ScriptRun.ROOT.resolve("docker/service.Dockerfile"));
        services.forEach((name, service) -> {
            if (service.containsKey("build")) {
                assertThat(factsOf(name).heapVariables()).containsExactly("JAVA_TOOL_OPTIONS");
                assertThat(ComposeServices.environment(service)).as(name).doesNotContainKey("JAVA_TOOL_OPTIONS");
            }
        });
        assertThat(dockerfile).containsPattern("(?m)^ENV JAVA_TOOL_OPTIONS=\"-XX:MaxRAMPercentage=\\d+ ");
    }

    @Test
    void everyProgramAHealthCheckOrEntryPointCallsIsInTheImage() {
        services.forEach((name, service) -> {
            for (String program : ComposeServices.programs(service)) {
                assertThat(factsOf(name).tools()).as(name + " calls " + program).contains(program);
            }
        });
    }

    @Test
    void filesAreMountedOnlyWhereTheImageReadsThemOrTheServiceRunsThem() {
        services.forEach((name, service) -> {
            for (String volume : ComposeServices.volumes(service)) {
                String[] parts = volume.split(":");
                if (parts[0].startsWith("./")) {
                    assertThat(factsOf(name).configuredFrom())
                            .as(name + " mounts " + parts[0] + " at " + parts[1])
                            .anyMatch(parts[1]::startsWith);
                }
            }
        });
    }

    private ImageFacts factsOf(String service) {
        return facts.stream()
                .filter(row -> row.services().contains(service))
                .findFirst()
                .orElseThrow(() -> new AssertionError(service + " is missing from " + ImageFacts.DOC));
    }

    /** A one-shot step this service waits for, running as root, that chowns the same volume to the user. */
    private boolean handedOverFirst(String name, String volume, String target, String uid) {
        return ComposeServices.dependencies(services.get(name), "service_completed_successfully").stream()
                .map(services::get)
                .anyMatch(step -> "0:0".equals(step.get("user"))
                        && ComposeServices.volumes(step).contains(volume + ":" + target)
                        && String.valueOf(step.get("entrypoint")).contains("chown, -R, " + uid + ":" + uid));
    }

    /** -Xm{flag} from any variable's value, or the named variable's own value (Nacos' JVM_XMX style). */
    private static long megabytes(Map<String, Object> environment, String flag, String variable) {
        if (environment.containsKey(variable)) {
            return megabytes(environment.get(variable));
        }
        for (Object value : environment.values()) {
            Matcher heap = HEAP_FLAG.matcher(String.valueOf(value));
            while (heap.find()) {
                if (heap.group(1).equals(flag)) {
                    return megabytes(heap.group(2) + heap.group(3));
                }
            }
        }
        return 0;
    }

    private static long megabytes(Object size) {
        Matcher matcher = Pattern.compile("(\\d+)([mMgG])").matcher(String.valueOf(size));
        assertThat(matcher.matches()).as("a size like 512m: " + size).isTrue();
        long amount = Long.parseLong(matcher.group(1));
        return matcher.group(2).equalsIgnoreCase("g") ? amount * 1024 : amount;
    }
}
