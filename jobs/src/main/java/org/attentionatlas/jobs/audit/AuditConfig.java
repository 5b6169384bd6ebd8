package org.attentionatlas.jobs.audit;

import org.attentionatlas.jobs.common.FlagParser;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The audit's settings: built-in defaults, then a properties file ({@code --conf FILE}, keys named like the flags),
 * then command-line flags ({@code --key value} or {@code --key=value}). Unknown keys are errors.
 */
public final class AuditConfig {

    /** Every key with its default ("" for none), in documentation order. */
    static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("model", "minilm-l6");
        DEFAULTS.put("models-dir", "");
        DEFAULTS.put("input", "");
        DEFAULTS.put("format", "auto");
        DEFAULTS.put("text-field", "text");
        DEFAULTS.put("text-column", "text");
        DEFAULTS.put("id-field", "");
        DEFAULTS.put("lang-field", "");
        DEFAULTS.put("language", "und");
        DEFAULTS.put("dataset", "");
        DEFAULTS.put("output", "results");
        DEFAULTS.put("master", "");
        DEFAULTS.put("device", "auto");
        DEFAULTS.put("fp16", "false");
        DEFAULTS.put("batch-tokens", "4096");
        DEFAULTS.put("batch-size", "64");
        DEFAULTS.put("max-length", "0");
        DEFAULTS.put("stride", "0");
        DEFAULTS.put("torch-threads", "1");
        DEFAULTS.put("chunk-docs", "256");
        DEFAULTS.put("partitions", "0");
        DEFAULTS.put("split-chars", "4000");
        DEFAULTS.put("metrics", "all");
        DEFAULTS.put("sample-size", "3");
        DEFAULTS.put("progress-interval-ms", "1000");
    }

    private final Map<String, String> values;

    private AuditConfig(Map<String, String> values) {
        this.values = values;
    }

    public static AuditConfig defaults() {
        return new AuditConfig(new LinkedHashMap<>(DEFAULTS));
    }

    /** Defaults, then {@code --conf FILE} if given, then the other flags. */
    public static AuditConfig fromArgs(String... args) {
        Map<String, String> flags = parseFlags(args);
        AuditConfig c = defaults();
        String conf = flags.remove("conf");
        if (conf != null) {
            c = c.withFile(Paths.get(conf));
        }
        for (Map.Entry<String, String> e : flags.entrySet()) {
            c = c.with(e.getKey(), e.getValue());
        }
        return c;
    }

    /** A copy with the keys of a properties file applied. */
    public AuditConfig withFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("config file " + file.toAbsolutePath() + " does not exist");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        AuditConfig c = this;
        for (String key : new TreeMap<>(p).keySet().stream().map(Object::toString).toList()) {
            c = c.with(key, p.getProperty(key).trim());
        }
        return c;
    }

    /** A copy with one key set. */
    public AuditConfig with(String key, String value) {
        FlagParser.checkKnown(key, DEFAULTS.keySet());
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(key, value == null ? "" : value);
        return new AuditConfig(copy);
    }

    static Map<String, String> parseFlags(String[] args) {
        return FlagParser.parse(args, "true", null); // a bare switch such as --fp16 is true
    }

    public String get(String key) {
        return FlagParser.get(values, key);
    }

    /** The value, or null when empty. */
    public String optional(String key) {
        String v = get(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    public int integer(String key) {
        try {
            return Integer.parseInt(get(key).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting '" + key + "' must be an integer, got '" + get(key) + "'");
        }
    }

    public boolean flag(String key) {
        String v = get(key).trim();
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException("setting '" + key + "' must be true or false, got '" + v + "'");
    }

    public Map<String, String> asMap() {
        return java.util.Collections.unmodifiableMap(values);
    }

    /** Every setting as one JSON object (sorted keys), recorded in the runs table. */
    public String toJson() {
        return FlagParser.toJson(values);
    }
}
