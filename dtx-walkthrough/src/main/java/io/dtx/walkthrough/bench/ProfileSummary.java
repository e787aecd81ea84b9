package io.dtx.walkthrough.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Where one JVM's CPU samples fell during a dtx saturation run: the share by library (of the
 * innermost non-JDK frame) and the hottest methods (the top frame), in percent of the samples.
 *
 * @param error why the recording could not be read; then nothing else is set
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ProfileSummary(
        Long samples, Map<String, Double> cpuShareByLibrary, Map<String, Double> hottestMethods, String error) {

    static ProfileSummary failed(String error) {
        return new ProfileSummary(null, null, null, error);
    }
}
