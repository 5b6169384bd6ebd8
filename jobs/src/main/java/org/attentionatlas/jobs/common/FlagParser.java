package org.attentionatlas.jobs.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code --key value} / {@code --key=value} flag parsing and the settings-map helpers shared by the jobs'
 * configurations ({@code AuditConfig}, {@code BiasConfig}).
 */
public final class FlagParser {

    private FlagParser() {
    }

    /**
     * The flags in the order given. A flag without a value (last, or followed by another flag) gets
     * {@code bareSwitch}, or is an error when that is null. With {@code known} non-null, each key is checked
     * ({@link #checkKnown}) as it is read.
     */
    public static Map<String, String> parse(String[] args, String bareSwitch, Set<String> known) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || a.length() == 2) {
                throw new IllegalArgumentException("expected --key value, got '" + a + "'");
            }
            String key = a.substring(2);
            String value;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else if (bareSwitch != null) {
                value = bareSwitch; // a bare switch such as --fp16
            } else {
                throw new IllegalArgumentException("--" + key + " needs a value");
            }
            if (known != null) {
                checkKnown(key, known);
            }
            out.put(key, value);
        }
        return out;
    }

    /** An {@link IllegalArgumentException} unless {@code key} is one of {@code known}. */
    public static void checkKnown(String key, Set<String> known) {
        if (!known.contains(key)) {
            throw new IllegalArgumentException("unknown setting '" + key + "'; known: " + known);
        }
    }

    /** The value of {@code key}; an {@link IllegalArgumentException} for a key the settings do not have. */
    public static String get(Map<String, String> values, String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("unknown setting '" + key + "'");
        }
        return v;
    }

    /** Every setting as one JSON object (sorted keys), recorded in the runs tables. */
    public static String toJson(Map<String, String> values) {
        try {
            return new ObjectMapper().writeValueAsString(new TreeMap<>(values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
