package org.attentionatlas.jobs.common;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.attentionatlas.engine.load.ModelProvenance;
import org.attentionatlas.jobs.audit.CodeVersion;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The provenance columns every runs table (the audit's {@code runs}, the bias job's {@code bias_runs}) starts with:
 * when the run started and ended, the model, its source, revision and format, the settings as JSON, the code version
 * and the input.
 */
public final class RunProvenance {

    /** The leading columns of a runs table; a job adds its own with {@link StructType#add}. */
    public static final StructType SCHEMA = new StructType()
            .add("started_at", DataTypes.TimestampType)
            .add("ended_at", DataTypes.TimestampType)
            .add("model", DataTypes.StringType)
            .add("model_source", DataTypes.StringType)
            .add("revision", DataTypes.StringType)
            .add("format", DataTypes.StringType)
            .add("config", DataTypes.StringType)
            .add("code_version", DataTypes.StringType)
            .add("input", DataTypes.StringType);

    private RunProvenance() {
    }

    /**
     * The values of a runs row: the {@link #SCHEMA} columns (ended now, code version {@link CodeVersion#current()}),
     * then {@code rest}.
     */
    public static Object[] values(Instant started, ModelProvenance prov, String configJson, String input,
                                  Object... rest) {
        List<Object> v = new ArrayList<>(Arrays.asList(Timestamp.from(started), Timestamp.from(Instant.now()),
                prov.name(), prov.source(), prov.revision(), prov.format(), configJson, CodeVersion.current(), input));
        v.addAll(Arrays.asList(rest));
        return v.toArray();
    }
}
