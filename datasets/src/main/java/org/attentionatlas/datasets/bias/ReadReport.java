package org.attentionatlas.datasets.bias;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a bias-dataset reader accepted and what it could not use. Every rejected line is kept here with its file,
 * line number and reason, so nothing is dropped silently.
 */
public final class ReadReport {

    /** Kinds of problems, counted separately in {@link #countsByKind()}. */
    public enum Kind { MALFORMED, UNKNOWN_BIAS_TYPE, SPAN_NOT_LOCATED, UNPAIRED, MISSING_STATISTICS }

    /** One rejected input: {@code line} is 1-based (the header is line 1 in files that have one), 0 for the file as a whole. */
    public record Issue(String file, long line, Kind kind, String reason) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ": "
                    + reason;
        }
    }

    private final List<Issue> issues = new ArrayList<>();
    private int accepted;

    public void reject(String file, long line, Kind kind, String reason) {
        issues.add(new Issue(file, line, kind, reason));
    }

    public void accept() {
        accepted++;
    }

    public void acceptAll(int n) {
        accepted += n;
    }

    public void merge(ReadReport other) {
        issues.addAll(other.issues);
        accepted += other.accepted;
    }

    /** Records read and usable (readers say what a record is: a sentence, a pair, a statistics row). */
    public int accepted() {
        return accepted;
    }

    public List<Issue> issues() {
        return Collections.unmodifiableList(issues);
    }

    public long count(Kind kind) {
        return issues.stream().filter(i -> i.kind() == kind).count();
    }

    public Map<Kind, Long> countsByKind() {
        Map<Kind, Long> out = new TreeMap<>();
        issues.forEach(i -> out.merge(i.kind(), 1L, Long::sum));
        return out;
    }

    /** One line of counts, then the first {@code maxIssues} issues. */
    public String summary(int maxIssues) {
        StringBuilder sb = new StringBuilder("accepted " + accepted + ", rejected " + issues.size() + " " + countsByKind());
        issues.stream().limit(maxIssues).forEach(i -> sb.append('\n').append("  ").append(i));
        if (issues.size() > maxIssues) {
            sb.append("\n  ... ").append(issues.size() - maxIssues).append(" more");
        }
        return sb.toString();
    }
}
