package org.attentionatlas.jobs.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Helpers of the jobs' typed settings records ({@code AuditConfig}, {@code BiasConfig}). */
public final class Settings {

    private static final JsonMapper JSON = JsonMapper.builder().enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private Settings() {
    }

    /** Every setting of {@code settings} as one JSON object (sorted keys), recorded in the runs tables. */
    public static String json(Record settings) {
        try {
            return JSON.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An optional setting: null when empty. */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
