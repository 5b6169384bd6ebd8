package org.attentionatlas.results;

import org.attentionatlas.engine.load.ModelProvenance;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a run's results came from: the model (short name, source, revision, format), the settings as JSON, the code
 * version, the input, and when the run started and ended. Every runs table (the audit's {@code runs}, the bias job's
 * {@code bias_runs}) starts with these {@link #COLUMNS}.
 */
public record RunProvenance(String model, String modelSource, String revision, String format, String config,
                            String codeVersion, String input, Instant startedAt, Instant endedAt) {

    public static final List<Column> COLUMNS = List.of(
            Column.of("started_at", ColumnType.TIMESTAMP),
            Column.of("ended_at", ColumnType.TIMESTAMP),
            Column.of("model", ColumnType.STRING),
            Column.of("model_source", ColumnType.STRING),
            Column.of("revision", ColumnType.STRING),
            Column.of("format", ColumnType.STRING),
            Column.of("config", ColumnType.STRING),
            Column.of("code_version", ColumnType.STRING),
            Column.of("input", ColumnType.STRING));

    /** A run of {@code model} that started at {@code startedAt} and ends now. */
    public static RunProvenance endingNow(ModelProvenance model, String config, String codeVersion, String input,
                                          Instant startedAt) {
        return new RunProvenance(model.name(), model.source(), model.revision(), model.format(), config, codeVersion,
                input, startedAt, Instant.now());
    }

    /** The {@link #COLUMNS} with their values, in order. */
    public Map<String, Object> values() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("started_at", startedAt);
        v.put("ended_at", endedAt);
        v.put("model", model);
        v.put("model_source", modelSource);
        v.put("revision", revision);
        v.put("format", format);
        v.put("config", config);
        v.put("code_version", codeVersion);
        v.put("input", input);
        return v;
    }
}
