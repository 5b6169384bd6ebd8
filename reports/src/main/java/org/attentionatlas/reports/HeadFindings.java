package org.attentionatlas.reports;

import org.attentionatlas.engine.stats.HeadStat;
import org.attentionatlas.reports.data.AuditResults;
import org.attentionatlas.reports.data.HeadGroup;
import org.attentionatlas.reports.figures.HeadDifferenceRanking;
import org.attentionatlas.reports.html.Finding;
import org.attentionatlas.reports.render.Numbers;
import org.attentionatlas.results.HeadRoles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The report's findings, generated from head_stats per model revision and dataset: the strongest head of each role
 * with its defining statistic ± standard error, how the roles spread over the layers, the nearest- and
 * farthest-looking layers, the language that differs most, and the head that changed most between two releases. Groups under the sequence threshold are named as too
 * small to conclude and left out of every other sentence.
 */
final class HeadFindings {

    private final long minSequences;

    HeadFindings(long minSequences) {
        this.minSequences = minSequences;
    }

    /** Findings per model revision and dataset ("minilm-l6 @ 1.19.0 · bundled"), in the order of {@code groups}. */
    Map<String, List<Finding>> byDataset(List<HeadGroup> groups) {
        Map<String, List<HeadGroup>> sets = new LinkedHashMap<>();
        for (HeadGroup g : groups) {
            sets.computeIfAbsent(g.model() + " @ " + g.revision() + " · " + g.dataset(), k -> new ArrayList<>()).add(g);
        }
        Map<String, List<Finding>> out = new LinkedHashMap<>();
        sets.forEach((title, set) -> out.put(title, ofDataset(set)));
        return out;
    }

    /** Findings for the languages of one model revision and dataset. */
    List<Finding> ofDataset(List<HeadGroup> set) {
        List<Finding> out = new ArrayList<>();
        List<HeadGroup> eligible = set.stream().filter(g -> !g.tooSmall(minSequences)).toList();
        List<HeadGroup> small = set.stream().filter(g -> g.tooSmall(minSequences)).toList();
        if (eligible.isEmpty()) {
            out.add(new Finding("Every group has fewer than " + minSequences + " sequences ("
                    + sizes(small) + "), too small to conclude.", Anchors.overviewGroups(), "groups"));
            return out;
        }
        for (String role : HeadRoles.ALL) {
            Finding f = strongest(role, eligible);
            if (f != null) {
                out.add(f);
            }
        }
        HeadGroup largest = eligible.stream().max((a, b) -> Long.compare(a.sequences(), b.sequences())).orElseThrow();
        out.add(spread(largest));
        Finding reach = reach(largest);
        if (reach != null) {
            out.add(reach);
        }
        Finding languages = mostDifferentLanguage(eligible);
        if (languages != null) {
            out.add(languages);
        }
        if (!small.isEmpty()) {
            out.add(new Finding("Too small to conclude (fewer than " + minSequences + " sequences), so left "
                    + "out of these findings: " + sizes(small) + ".", Anchors.overviewGroups(), "groups"));
        }
        return out;
    }

    /** The head with the largest defining statistic among the heads of {@code role}, over the eligible languages. */
    private static Finding strongest(String role, List<HeadGroup> eligible) {
        HeadGroup bestGroup = null;
        int bestLayer = -1;
        int bestHead = -1;
        double best = Double.NEGATIVE_INFINITY;
        for (HeadGroup g : eligible) {
            for (int l = 0; l < g.layers(); l++) {
                for (int h = 0; h < g.heads(); h++) {
                    double v = defining(g, role, l, h);
                    if (role.equals(g.roles()[l][h]) && Double.isFinite(v) && v > best) {
                        best = v;
                        bestGroup = g;
                        bestLayer = l;
                        bestHead = h;
                    }
                }
            }
        }
        if (bestGroup == null) {
            return null;
        }
        HeadGroup g = bestGroup;
        int l = bestLayer;
        int h = bestHead;
        String what = switch (role) {
            case HeadRoles.PREVIOUS_TOKEN -> share(g, HeadStat.PREV_MASS, l, h) + " of its attention goes to the previous token";
            case HeadRoles.NEXT_TOKEN -> share(g, HeadStat.NEXT_MASS, l, h) + " of its attention goes to the next token";
            case HeadRoles.SELF -> share(g, HeadStat.SELF_MASS, l, h) + " of its attention stays on its own token";
            case HeadRoles.SPECIAL_TOKEN -> String.format(Locale.ROOT, "%.2f", best) + " of its attention goes to "
                    + "special tokens (the first token " + share(g, HeadStat.CLS_MASS, l, h) + ", later separators "
                    + share(g, HeadStat.SEP_MASS, l, h) + ")";
            case HeadRoles.BROAD -> "its attention is the most spread out, with an entropy of "
                    + share(g, HeadStat.ENTROPY, l, h) + " nats";
            default -> null;
        };
        if (what == null) {
            return null;
        }
        long agreeing = eligible.stream().filter(o -> o.layers() > l && o.heads() > h && role.equals(o.roles()[l][h]))
                .count();
        String across = eligible.size() > 1 ? "; it has this role in " + agreeing + " of " + eligible.size()
                + " languages" : "";
        return new Finding(String.format(Locale.ROOT, "L%d H%d is the strongest %s head: %s (%s, %s)%s.", l, h, role, what, g.language(), g.sampleSize(), across), Anchors.statistics(g),
                "statistics of " + g.language());
    }

    /** The statistic that defines a role; NaN for mixed or a missing statistic. */
    static double defining(HeadGroup g, String role, int l, int h) {
        return switch (role) {
            case HeadRoles.PREVIOUS_TOKEN -> value(g, HeadStat.PREV_MASS, l, h);
            case HeadRoles.NEXT_TOKEN -> value(g, HeadStat.NEXT_MASS, l, h);
            case HeadRoles.SELF -> value(g, HeadStat.SELF_MASS, l, h);
            case HeadRoles.SPECIAL_TOKEN -> value(g, HeadStat.CLS_MASS, l, h) + value(g, HeadStat.SEP_MASS, l, h);
            case HeadRoles.BROAD -> value(g, HeadStat.ENTROPY, l, h);
            default -> Double.NaN;
        };
    }

    private static double value(HeadGroup g, HeadStat s, int l, int h) {
        return g.stat(s) == null ? Double.NaN : g.stat(s)[l][h];
    }

    /** "0.83 ± 0.01" (± the standard error when known, else to two decimals). */
    static String share(HeadGroup g, HeadStat s, int l, int h) {
        double se = g.error(s, l, h);
        return Double.isFinite(se) && se > 0 ? Numbers.withError(value(g, s, l, h), se, " ± ")
                : String.format(Locale.ROOT, "%.2f", value(g, s, l, h));
    }

    /** How many heads of each role, in which layers, in the largest group. */
    private static Finding spread(HeadGroup g) {
        Map<String, TreeMap<Integer, Integer>> layers = new LinkedHashMap<>();
        HeadRoles.ALL.forEach(r -> layers.put(r, new TreeMap<>()));
        for (int l = 0; l < g.layers(); l++) {
            for (int h = 0; h < g.heads(); h++) {
                String r = g.roles()[l][h];
                if (r != null) {
                    layers.computeIfAbsent(r, k -> new TreeMap<>()).merge(l, 1, Integer::sum);
                }
            }
        }
        List<String> parts = new ArrayList<>();
        layers.forEach((role, perLayer) -> {
            if (!perLayer.isEmpty()) {
                int n = perLayer.values().stream().mapToInt(Integer::intValue).sum();
                parts.add(n + " " + role + " (" + (perLayer.size() == 1 ? "layer " : "layers ")
                        + ranges(List.copyOf(perLayer.keySet())) + ")");
            }
        });
        return new Finding("Roles in " + g.language() + " (" + g.layers() * g.heads() + " heads): "
                + String.join(", ", parts) + ".", Anchors.roles(g), "role map of " + g.language());
    }

    /** "0–2, 5" from sorted layer numbers. */
    static String ranges(List<Integer> sorted) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            out.add(i == j ? Integer.toString(sorted.get(i)) : sorted.get(i) + "–" + sorted.get(j));
            i = j + 1;
        }
        return String.join(", ", out);
    }

    /** The layers whose heads look nearest and farthest on average (mean attention distance). */
    private static Finding reach(HeadGroup g) {
        double[][] distance = g.stat(HeadStat.DISTANCE);
        double[][] local = g.stat(HeadStat.LOCAL2);
        if (distance == null || g.layers() < 2) {
            return null;
        }
        int near = 0;
        int far = 0;
        double[] mean = new double[g.layers()];
        for (int l = 0; l < g.layers(); l++) {
            mean[l] = mean(distance[l]);
            near = mean[l] < mean[near] ? l : near;
            far = mean[l] > mean[far] ? l : far;
        }
        return new Finding(String.format(Locale.ROOT, "In %s, layer %d looks nearest (mean attention distance %.1f "
                        + "tokens%s), layer %d farthest (%.1f tokens%s).", g.language(), near, mean[near],
                localText(local, near), far, mean[far], localText(local, far)), Anchors.proximal(g),
                "distance profile of " + g.language());
    }

    private static String localText(double[][] local, int layer) {
        return local == null ? "" : String.format(Locale.ROOT, ", %.2f of attention within ±2 tokens", mean(local[layer]));
    }

    private static double mean(double[] v) {
        double s = 0;
        int n = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                s += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /**
     * Among two or more eligible languages of one shape: the one farthest from the others, by the mean over
     * statistics and heads of |difference| / the statistic's standard deviation over all heads, and its layer of
     * largest difference.
     */
    private static Finding mostDifferentLanguage(List<HeadGroup> eligible) {
        if (eligible.size() < 2 || !eligible.stream().allMatch(g -> g.sameShape(eligible.get(0)))) {
            return null;
        }
        HeadGroup first = eligible.get(0);
        List<HeadStat> stats = List.of(HeadStat.values()).stream()
                .filter(s -> eligible.stream().allMatch(g -> g.stat(s) != null)).toList();
        if (stats.isEmpty()) {
            return null;
        }
        Map<HeadStat, Double> sd = new LinkedHashMap<>();
        for (HeadStat s : stats) {
            sd.put(s, sd(eligible.stream().map(g -> g.stat(s)).toArray(double[][][]::new)));
        }
        int layers = first.layers();
        double bestScore = -1;
        HeadGroup best = null;
        int bestLayer = 0;
        for (HeadGroup g : eligible) {
            double[] perLayer = new double[layers];
            double total = 0;
            for (HeadGroup o : eligible) {
                if (o == g) {
                    continue;
                }
                for (HeadStat s : stats) {
                    for (int l = 0; l < layers; l++) {
                        for (int h = 0; h < first.heads(); h++) {
                            double d = Math.abs(g.stat(s)[l][h] - o.stat(s)[l][h]) / sd.get(s);
                            if (Double.isFinite(d)) {
                                perLayer[l] += d;
                                total += d;
                            }
                        }
                    }
                }
            }
            double score = total / ((eligible.size() - 1.0) * stats.size() * layers * first.heads());
            if (score > bestScore) {
                bestScore = score;
                best = g;
                bestLayer = argMax(perLayer);
            }
        }
        String names = eligible.stream().map(HeadGroup::language).collect(Collectors.joining(", "));
        return new Finding(String.format(Locale.ROOT, "Of %s, %s differs most from the others (mean |difference| "
                        + "%.2f standard deviations per head and statistic), most in layer %d.", names,
                best.language(), bestScore, bestLayer), Anchors.languages(first), "languages compared");
    }

    /**
     * Per dataset and language in both result sets with the same shape and enough sequences in each: the head whose
     * statistic moved most between the releases, in standard deviations of that statistic over both releases' heads.
     */
    List<Finding> releases(AuditResults base, AuditResults other) {
        List<Finding> out = new ArrayList<>();
        for (HeadGroup b : base.groups()) {
            for (HeadGroup o : other.groups()) {
                if (!b.dataset().equals(o.dataset()) || !b.language().equals(o.language()) || !b.sameShape(o)
                        || b.tooSmall(minSequences) || o.tooSmall(minSequences)) {
                    continue;
                }
                Finding f = largestChange(b, o, Anchors.release(other.source(), base.source()));
                if (f != null) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    private static Finding largestChange(HeadGroup b, HeadGroup o, String anchor) {
        double best = 0;
        String text = null;
        for (HeadStat s : HeadStat.values()) {
            if (b.stat(s) == null || o.stat(s) == null) {
                continue;
            }
            double sd = sd(b.stat(s), o.stat(s));
            for (int l = 0; l < b.layers(); l++) {
                for (int h = 0; h < b.heads(); h++) {
                    double z = Math.abs(o.stat(s)[l][h] - b.stat(s)[l][h]) / sd;
                    if (Double.isFinite(z) && z > best) {
                        best = z;
                        text = String.format(Locale.ROOT, "From %s @ %s to %s @ %s on %s, L%d H%d changed most: %s "
                                        + "%s → %s (%.1f standard deviations of %s over the heads).", b.model(),
                                b.revision(), o.model(), o.revision(), b.label(), l, h, s.column(),
                                share(b, s, l, h), share(o, s, l, h), z, s.column());
                    }
                }
            }
        }
        return text == null ? null : new Finding(text, anchor, "release diff");
    }

    /** The standard deviation of every finite value of the grids, 1 when they are all equal (a scale to divide by). */
    private static double sd(double[][]... grids) {
        double sd = HeadDifferenceRanking.standardDeviation(List.of(grids));
        return sd > 1e-12 ? sd : 1;
    }

    private static int argMax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            best = v[i] > v[best] ? i : best;
        }
        return best;
    }

    private static String sizes(List<HeadGroup> groups) {
        return groups.stream().map(g -> g.language() + " " + g.sampleSize()).collect(Collectors.joining("; "));
    }
}
