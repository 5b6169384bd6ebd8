package org.attentionatlas.reports;

import org.attentionatlas.engine.stats.HeadStat;
import org.attentionatlas.reports.data.AuditResults;
import org.attentionatlas.reports.data.HeadGroup;
import org.attentionatlas.reports.figures.Comparisons;
import org.attentionatlas.reports.figures.Heatmap;
import org.attentionatlas.reports.figures.HeadDifferenceRanking;
import org.attentionatlas.reports.figures.Queries;
import org.attentionatlas.reports.html.HtmlReport;
import org.attentionatlas.reports.html.Table;
import org.attentionatlas.reports.render.Caption;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cross-language comparison within one result set, and the release diff between two. */
final class ComparisonSections {

    private final HtmlReport html;
    private final ReportOptions options;

    ComparisonSections(HtmlReport html, ReportOptions options) {
        this.html = html;
        this.options = options;
    }

    /** Groups of one (model, revision, dataset) with the same shape, in more than one language. */
    static List<List<HeadGroup>> languageSets(AuditResults r) {
        Map<String, List<HeadGroup>> byKey = new LinkedHashMap<>();
        for (HeadGroup g : r.groups()) {
            byKey.computeIfAbsent(g.model() + "\u0000" + g.revision() + "\u0000" + g.dataset(), k -> new ArrayList<>())
                    .add(g);
        }
        List<List<HeadGroup>> out = new ArrayList<>();
        for (List<HeadGroup> gs : byKey.values()) {
            if (gs.size() > 1 && gs.stream().allMatch(g -> g.sameShape(gs.get(0)))) {
                out.add(gs);
            }
        }
        return out;
    }

    void languages(AuditResults r, List<HeadGroup> set) throws IOException {
        HeadGroup first = set.get(0);
        List<String> names = set.stream().map(g -> g.tooSmall(options.minSequences())
                ? g.language() + " (too small)" : g.language()).toList();
        List<String> small = set.stream().filter(g -> g.tooSmall(options.minSequences()))
                .map(g -> g.language() + " " + g.sampleSize()).toList();
        html.section(Anchors.languagesHeading(first),
                "The heads whose behaviour differs most between " + String.join(", ", names) + ", then, folded, each "
                        + "statistic per head side by side on one colour scale and the difference of each language "
                        + "from " + first.language() + ".");
        if (!small.isEmpty()) {
            html.warning("Too small to conclude (fewer than " + options.minSequences() + " sequences): "
                    + String.join("; ", small) + ". Their differences are drawn but may be noise.");
        }
        String runs = r.runIds(first.model(), first.revision());
        String size = set.stream().map(g -> g.language() + " " + g.sequences()).reduce((a, b) -> a + ", " + b)
                .orElse("") + " sequences";
        String stem = first.model() + "-" + first.revision() + "-" + first.dataset() + "-lang-";
        Map<HeadStat, List<double[][]>> variants = new EnumMap<>(HeadStat.class);
        for (HeadStat s : HeadStat.values()) {
            if (set.stream().noneMatch(g -> g.stat(s) == null)) {
                variants.put(s, set.stream().map(g -> g.stat(s)).toList());
            }
        }
        ranking("Heads that differ most between " + String.join(", ", names), variants, names,
                new Caption(runs, first.model(), first.revision(), Queries.perLanguage(first, "*"), size),
                stem + "ranking");
        html.beginLinkedPage(stem + "statistics", Anchors.languagesHeading(first) + ": each statistic",
                "Each statistic per language side by side, and each language minus " + first.language() + " ("
                        + variants.size() + " statistics) →");
        for (Map.Entry<HeadStat, List<double[][]>> e : variants.entrySet()) {
            HeadStat s = e.getKey();
            List<double[][]> grids = e.getValue();
            Caption c = new Caption(runs, first.model(), first.revision(), Queries.perLanguage(first, s.column()), size);
            html.beginRow();
            html.figure(Comparisons.sideBySide(s.column(), names, grids, c), stem + s.column());
            for (int i = 1; i < set.size(); i++) {
                String label = names.get(i) + " − " + first.language();
                html.figure(Comparisons.difference(s.column(), label, HeadDifferenceRanking.difference(grids.get(0), grids.get(i)),
                        c), stem + s.column() + "-diff-" + set.get(i).language());
            }
            html.endRow();
        }
        html.endLinkedPage();
    }

    /** Per-head deltas (other − base) for every (dataset, language) present in both result sets. */
    void release(AuditResults base, AuditResults other) throws IOException {
        html.section(Anchors.releaseHeading(other.source(), base.source()),
                "Per-head change of each statistic (compared − base) for the datasets and languages both result sets "
                        + "hold, and the heads that changed most.");
        boolean any = false;
        for (HeadGroup b : base.groups()) {
            for (HeadGroup o : other.groups()) {
                if (!b.dataset().equals(o.dataset()) || !b.language().equals(o.language())) {
                    continue;
                }
                String what = b.model() + " @ " + b.revision() + " → " + o.model() + " @ " + o.revision() + ", "
                        + b.label();
                if (!b.sameShape(o)) {
                    html.paragraph("Skipped " + what + ": " + b.layers() + "×" + b.heads() + " heads against "
                            + o.layers() + "×" + o.heads() + " (not the same architecture).");
                    continue;
                }
                any = true;
                html.subheading(what);
                String runs = base.runIds(b.model(), b.revision()) + " vs " + other.runIds(o.model(), o.revision());
                String model = b.model().equals(o.model()) ? b.model() : b.model() + " vs " + o.model();
                String revision = b.revision() + " vs " + o.revision();
                String size = "base " + b.sampleSize() + "; compared " + o.sampleSize();
                if (b.tooSmall(options.minSequences()) || o.tooSmall(options.minSequences())) {
                    html.warning("Too small to conclude (fewer than " + options.minSequences() + " sequences): "
                            + size + ".");
                }
                Map<HeadStat, List<double[][]>> variants = new EnumMap<>(HeadStat.class);
                for (HeadStat s : HeadStat.values()) {
                    if (b.stat(s) != null && o.stat(s) != null) {
                        variants.put(s, List.of(b.stat(s), o.stat(s)));
                    }
                }
                ranking("Heads that changed most, " + what, variants, List.of("base", "compared"),
                        new Caption(runs, model, revision, Queries.release(b, o, "*", base.source(), other.source()),
                                size), "release-" + b.dataset() + "-" + b.language() + "-ranking");
                html.beginLinkedPage("release-" + b.dataset() + "-" + b.language(), "Release diff, " + what,
                        "Change of each statistic per head (" + variants.size() + " statistics) →");
                html.beginRow();
                for (HeadStat s : variants.keySet()) {
                    Caption c = new Caption(runs, model, revision,
                            Queries.release(b, o, s.column(), base.source(), other.source()), size);
                    html.figure(Comparisons.difference(s.column(), what, HeadDifferenceRanking.difference(b.stat(s), o.stat(s)), c),
                            "release-" + b.dataset() + "-" + b.language() + "-" + s.column());
                }
                html.endRow();
                html.endLinkedPage();
            }
        }
        if (!any) {
            html.paragraph("No dataset and language of the same architecture is in both result sets.");
        }
    }

    private void ranking(String title, Map<HeadStat, List<double[][]>> variants, List<String> names, Caption c,
                         String stem) throws IOException {
        List<HeadDifferenceRanking.Ranked> ranked = HeadDifferenceRanking.rank(variants, options.topHeads());
        if (ranked.isEmpty()) {
            return;
        }
        html.subheading(title);
        html.figure(Comparisons.ranking(title, ranked, c), stem);
        List<String> header = new ArrayList<>(List.of("rank", "layer", "head", "score", "largest difference in"));
        names.forEach(n -> header.add(n));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            HeadDifferenceRanking.Ranked r = ranked.get(i);
            List<String> row = new ArrayList<>(List.of(Integer.toString(i + 1), Integer.toString(r.layer()),
                    Integer.toString(r.head()), Heatmap.number(r.score()),
                    r.topStat() == null ? "-" : r.topStat().column()));
            for (int v = 0; v < names.size(); v++) {
                row.add(v < r.topValues().length ? Heatmap.number(r.topValues()[v]) : "-");
            }
            rows.add(row);
        }
        html.table(new Table(title + " (score = Σ over statistics of the spread between variants / the statistic's "
                + "standard deviation over all heads)", header, rows));
    }
}
