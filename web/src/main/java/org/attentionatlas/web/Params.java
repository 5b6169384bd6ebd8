package org.attentionatlas.web;

import java.util.Set;

/** Query-parameter parsing with 400 answers that say what was wrong. */
public final class Params {

    private Params() {
    }

    public static int intIn(String name, String value, int min, int max, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int v;
        try {
            v = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be a whole number, got '" + clip(value) + "'");
        }
        if (v < min || v > max) {
            throw ApiError.badRequest(name + " must be in " + min + ".." + max + ", got " + v);
        }
        return v;
    }

    public static double doubleIn(String name, String value, double min, double max, double fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        double v;
        try {
            v = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be a number, got '" + clip(value) + "'");
        }
        if (!(v >= min && v <= max)) {
            throw ApiError.badRequest(name + " must be in " + min + ".." + max + ", got " + v);
        }
        return v;
    }

    public static String oneOf(String name, String value, Set<String> allowed, String fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            throw ApiError.badRequest(name + " must be one of " + new java.util.TreeSet<>(allowed) + ", got '"
                    + clip(value) + "'");
        }
        return value;
    }

    static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
