package org.attentionatlas.jobs.bias;

import org.attentionatlas.engine.bias.Bootstrap;
import org.attentionatlas.engine.bias.PermutationTest;
import org.attentionatlas.jobs.common.FlagParser;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bias job's settings from {@code --key value} flags (unknown keys are errors). {@code --dataset} is a comma list
 * of {@link #DATASETS}; {@code --input} is needed for every dataset but the bundled probes.
 */
public final class BiasConfig {

    public static final List<String> DATASETS = List.of("winobias", "winogender", "crows-pairs", "probes");

    static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("model", "minilm-l6");
        DEFAULTS.put("models-dir", "");
        DEFAULTS.put("dataset", "probes");
        DEFAULTS.put("input", "");
        DEFAULTS.put("split", "dev");
        DEFAULTS.put("stats", "");
        DEFAULTS.put("output", "results");
        DEFAULTS.put("master", "");
        DEFAULTS.put("seed", Long.toString(Bootstrap.DEFAULT_SEED));
        DEFAULTS.put("bootstrap", Integer.toString(Bootstrap.DEFAULT_RESAMPLES));
        DEFAULTS.put("permutations", Integer.toString(PermutationTest.DEFAULT_PERMUTATIONS));
        DEFAULTS.put("device", "auto");
        DEFAULTS.put("batch-size", "32");
        DEFAULTS.put("chunk-sentences", "256");
        DEFAULTS.put("partitions", "0");
        DEFAULTS.put("crows-every", "1");
    }

    private final Map<String, String> values;

    private BiasConfig(Map<String, String> values) {
        this.values = values;
    }

    public static BiasConfig fromArgs(String... args) {
        Map<String, String> v = new LinkedHashMap<>(DEFAULTS);
        v.putAll(FlagParser.parse(args, null, DEFAULTS.keySet())); // every flag needs a value
        BiasConfig c = new BiasConfig(v);
        c.validate();
        return c;
    }

    private void validate() {
        for (String d : datasets()) {
            if (!DATASETS.contains(d)) {
                throw new IllegalArgumentException("unknown dataset '" + d + "'; known: " + DATASETS);
            }
            if (!d.equals("probes") && optional("input") == null) {
                throw new IllegalArgumentException("--input is required for dataset " + d);
            }
        }
        seed();
        for (String k : List.of("bootstrap", "permutations", "batch-size", "chunk-sentences", "crows-every")) {
            if (integer(k) <= 0) {
                throw new IllegalArgumentException("--" + k + " must be positive, got " + get(k));
            }
        }
        if (integer("partitions") < 0) {
            throw new IllegalArgumentException("--partitions must be 0 or more, got " + get("partitions"));
        }
    }

    /** The datasets in the order given, without duplicates. */
    public List<String> datasets() {
        return Arrays.stream(get("dataset").split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).distinct().toList();
    }

    public String get(String key) {
        return FlagParser.get(values, key);
    }

    /** The value, or null when empty. */
    public String optional(String key) {
        String v = get(key);
        return v.isBlank() ? null : v.strip();
    }

    public int integer(String key) {
        try {
            return Integer.parseInt(get(key).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be an integer, got '" + get(key) + "'");
        }
    }

    public long seed() {
        try {
            return Long.parseLong(get("seed").strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed must be an integer, got '" + get("seed") + "'");
        }
    }

    /** Every setting as one JSON object (sorted keys), recorded in bias_runs. */
    public String toJson() {
        return FlagParser.toJson(values);
    }
}
