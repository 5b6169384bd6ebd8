package org.attentionatlas.reports;

import org.attentionatlas.engine.stats.HeadStat;
import org.attentionatlas.reports.bias.BiasResults;
import org.attentionatlas.reports.bias.BiasSection;
import org.attentionatlas.reports.data.AttentionSample;
import org.attentionatlas.reports.data.AuditResults;
import org.attentionatlas.reports.data.HeadGroup;
import org.attentionatlas.reports.data.RunInfo;
import org.attentionatlas.reports.figures.HeadHeatmaps;
import org.attentionatlas.reports.figures.ProximalPreference;
import org.attentionatlas.reports.figures.Queries;
import org.attentionatlas.reports.html.HtmlReport;
import org.attentionatlas.reports.html.Table;
import org.attentionatlas.reports.render.Caption;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Renders the whole report of one result set (and optionally a second one to diff against) into a directory. */
public final class AuditReport {

    private AuditReport() {
    }

    /** Writes {@code out}/index.html and its figures; returns the index file. {@code compare} may be null. */
    public static Path write(AuditResults results, AuditResults compare, Path out, ReportOptions options)
            throws IOException {
        return write(results, null, compare, out, options);
    }

    /** As {@link #write(AuditResults, AuditResults, Path, ReportOptions)}, with a bias section when {@code bias} is given. */
    public static Path write(AuditResults results, BiasResults bias, AuditResults compare, Path out,
                             ReportOptions options) throws IOException {
        try (HtmlReport html = HtmlReport.create(out, options.scale(), "Attention Atlas report — " + results.source())) {
            if (options.progress() != null) {
                html.reportProgress(System.err, options.progress());
            }
            overview(html, results, compare);
            for (HeadGroup g : results.groups()) {
                heads(html, results, g);
            }
            ComparisonSections comparisons = new ComparisonSections(html, options);
            for (List<HeadGroup> set : ComparisonSections.languageSets(results)) {
                comparisons.languages(results, set);
            }
            new MultilingualSection(html, options).write(results);
            new NormMassesPart(html).write(results);
            if (compare != null) {
                comparisons.release(results, compare);
            }
            SampleSection samples = new SampleSection(html, options);
            List<AttentionSample> shown = results.samples().subList(0,
                    Math.min(options.maxSamples(), results.samples().size()));
            for (AttentionSample s : shown) {
                samples.write(s, s.runId() != null ? s.runId() : results.runIds(s.model(), s.revision()));
            }
            if (bias != null) {
                new BiasSection(html, options.topHeads()).write(bias);
            }
            new ContrastPart(html).write(options.contrasts());
            return html.commit();
        }
    }

    private static void overview(HtmlReport html, AuditResults r, AuditResults compare) {
        html.section("Overview", "Results read from " + r.source()
                + (compare == null ? "" : ", compared with " + compare.source()) + ".");
        List<List<String>> runs = new ArrayList<>();
        for (RunInfo run : r.runs()) {
            runs.add(List.of(run.runId(), run.model(), run.revision(), run.dataset(), run.startedAt(), run.config()));
        }
        html.table(new Table("Committed runs", List.of("run id", "model", "revision", "dataset", "started", "config"),
                runs));
        List<List<String>> groups = new ArrayList<>();
        for (HeadGroup g : r.groups()) {
            groups.add(List.of(g.model(), g.revision(), g.dataset(), g.language(), g.layers() + " × " + g.heads(),
                    Long.toString(g.tokens()), Long.toString(g.sequences())));
        }
        html.table(new Table("Result groups in head_stats", List.of("model", "revision", "dataset", "language",
                "layers × heads", "query tokens", "sequences"), groups));
        if (r.samples().isEmpty()) {
            html.paragraph("The samples table is empty: no token-level figures.");
        }
    }

    private static void heads(HtmlReport html, AuditResults r, HeadGroup g) throws IOException {
        String key = g.model() + "-" + g.revision() + "-" + g.dataset() + "-" + g.language();
        String runs = r.runIds(g.model(), g.revision());
        html.section("Heads — " + g.model() + " @ " + g.revision() + ", " + g.label(),
                "Each per-head statistic as a layer × head heatmap (hover a cell for its value), the role map, and "
                        + "attention mass against token distance per layer.");
        for (HeadStat s : HeadStat.values()) {
            if (g.stat(s) != null) {
                html.figure(HeadHeatmaps.stat(g, s, new Caption(runs, g.model(), g.revision(),
                        Queries.headStat(g, s.column()))), key + "-" + s.column());
            }
        }
        html.figure(HeadHeatmaps.roles(g, new Caption(runs, g.model(), g.revision(), Queries.headStat(g, "role"))),
                key + "-roles");
        html.figure(ProximalPreference.of(g, new Caption(runs, g.model(), g.revision(), Queries.offsets(g))),
                key + "-proximal");
    }
}
