package io.dtx.walkthrough.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Report records as JSON. Components are named in Java style ({@code dtxCreditMsP50}) and written
 * in snake_case ({@code dtx_credit_ms_p50}), the names the docs and earlier reports use; a
 * component with an explicit {@code @JsonProperty} name keeps that name as it is.
 */
public final class JsonReports {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private JsonReports() {}

    public static String json(Object report) {
        return JSON.writeValueAsString(report);
    }

    /** A report part as its JSON fields, in order: for one-line summaries in Markdown. */
    public static Map<String, Object> fields(Object part) {
        return JSON.convertValue(part, new TypeReference<LinkedHashMap<String, Object>>() {});
    }

    /** Writes the report to {@code file}, creating its directory. */
    public static void write(Object report, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, json(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
