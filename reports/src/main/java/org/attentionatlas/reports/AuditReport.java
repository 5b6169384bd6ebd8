package org.attentionatlas.reports;

import org.attentionatlas.engine.stats.HeadStat;
import org.attentionatlas.reports.agreement.AgreementResults;
import org.attentionatlas.reports.agreement.AgreementSection;
import org.attentionatlas.reports.bias.BiasNarrative;
import org.attentionatlas.reports.bias.BiasResults;
import org.attentionatlas.reports.bias.BiasSection;
import org.attentionatlas.reports.data.AttentionSample;
import org.attentionatlas.reports.data.AuditResults;
import org.attentionatlas.reports.data.HeadGroup;
import org.attentionatlas.reports.data.RunInfo;
import org.attentionatlas.reports.figures.HeadHeatmaps;
import org.attentionatlas.reports.importance.ImportanceResults;
import org.attentionatlas.reports.importance.ImportanceSection;
import org.attentionatlas.reports.figures.ProximalPreference;
import org.attentionatlas.reports.figures.Queries;
import org.attentionatlas.reports.figures.StatisticPanels;
import org.attentionatlas.reports.html.Finding;
import org.attentionatlas.reports.html.HtmlReport;
import org.attentionatlas.reports.html.Table;
import org.attentionatlas.reports.render.Caption;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the whole report of one result set (and optionally a second one to diff against) into a directory:
 * findings first, then the overview with the sample sizes, every head in one table, the evidence per model →
 * dataset → language (all statistics as small multiples beside the role map, full-size figures folded), then the
 * comparisons, multilingual heads, token-level samples and bias.
 */
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
        return write(results, bias, null, compare, out, options);
    }

    /** As above, with a head-importance section when {@code importance} is given. */
    public static Path write(AuditResults results, BiasResults bias, ImportanceResults importance,
                             AuditResults compare, Path out, ReportOptions options) throws IOException {
        return write(results, bias, importance, null, compare, out, options);
    }

    /** As above, with the attention/attribution agreement section when {@code agreement} is given. */
    public static Path write(AuditResults results, BiasResults bias, ImportanceResults importance,
                             AgreementResults agreement, AuditResults compare, Path out, ReportOptions options)
            throws IOException {
        try (HtmlReport html = HtmlReport.create(out, options.scale(), "Attention Atlas report — " + results.source())) {
            if (options.progress() != null) {
                html.reportProgress(System.err, options.progress());
            }
            findings(html, results, bias, compare, options);
            overview(html, results, compare, options);
            if (!results.groups().isEmpty()) {
                new HeadsTable(html, options.minSequences()).write(results.groups());
            }
            heads(html, results, options);
            ComparisonSections comparisons = new ComparisonSections(html, options);
            for (List<HeadGroup> set : ComparisonSections.languageSets(results)) {
                comparisons.languages(results, set);
            }
            new MultilingualSection(html, options).write(results);
            new NormMassesPart(html).write(results);
            if (compare != null) {
                comparisons.release(results, compare);
            }
            samples(html, results, options);
            if (bias != null) {
                new BiasSection(html, options.topHeads()).write(bias);
            }
            new ContrastPart(html).write(options.contrasts());
            new ImportanceSection(html).write(importance);
            new AgreementSection(html).write(agreement);
            return html.commit();
        }
    }

    private static void findings(HtmlReport html, AuditResults r, BiasResults bias, AuditResults compare,
                                 ReportOptions options) {
        html.section("Findings", "Generated from the numbers below; each sentence links to the figure that shows it. "
                + "± is one standard error, with documents as independent draws. Groups of fewer than "
                + options.minSequences() + " sequences are too small to conclude from and are left out.");
        HeadFindings generator = new HeadFindings(options.minSequences());
        Map<String, List<Finding>> heads = generator.byDataset(r.groups());
        heads.forEach((dataset, findings) -> {
            html.subheading(dataset);
            html.findings(findings);
        });
        List<Finding> releases = compare == null ? List.of() : generator.releases(r, compare);
        if (!releases.isEmpty()) {
            html.subheading("Releases");
            html.findings(releases);
        }
        if (bias != null && !bias.summary().isEmpty()) {
            html.subheading("Bias");
            html.findings(BiasNarrative.findings(bias.summary()));
        }
        if (heads.isEmpty() && (bias == null || bias.summary().isEmpty())) {
            html.paragraph("No head statistics to summarise.");
        }
    }

    private static void overview(HtmlReport html, AuditResults r, AuditResults compare, ReportOptions options) {
        html.section("Overview", "Results read from " + r.source()
                + (compare == null ? "" : ", compared with " + compare.source()) + ".");
        List<List<String>> runs = new ArrayList<>();
        for (RunInfo run : r.runs()) {
            runs.add(List.of(run.runId(), run.model(), run.revision(), run.dataset(), run.startedAt()));
        }
        html.table(new Table("Committed runs (each run's full configuration: ./submit.sh sql --results DIR --query "
                + "\"SELECT run_id, config FROM runs\")", List.of("run id", "model", "revision", "dataset", "started"),
                runs));
        html.subheading(Anchors.GROUPS_HEADING);
        List<List<String>> groups = new ArrayList<>();
        for (HeadGroup g : r.groups()) {
            groups.add(List.of(g.model(), g.revision(), g.dataset(), g.language(), g.layers() + " × " + g.heads(),
                    String.format(java.util.Locale.ROOT, "%,d", g.sequences()),
                    String.format(java.util.Locale.ROOT, "%,d", g.tokens()),
                    g.tooSmall(options.minSequences()) ? "too small to conclude" : ""));
        }
        html.table(new Table("Result groups in head_stats (too small to conclude: fewer than "
                + options.minSequences() + " sequences)", List.of("model", "revision", "dataset", "language",
                "layers × heads", "sequences", "query tokens", "note"), groups));
        if (r.samples().isEmpty()) {
            html.paragraph("The samples table is empty: no token-level figures.");
        }
    }

    /** One section per model revision, a subheading per dataset, a minor heading per language. */
    private static void heads(HtmlReport html, AuditResults r, ReportOptions options) throws IOException {
        Map<String, Map<String, List<HeadGroup>>> byModel = new LinkedHashMap<>();
        for (HeadGroup g : r.groups()) {
            byModel.computeIfAbsent(g.model() + " @ " + g.revision(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(g.dataset(), k -> new ArrayList<>()).add(g);
        }
        for (Map.Entry<String, Map<String, List<HeadGroup>>> model : byModel.entrySet()) {
            html.section("Heads — " + model.getKey(), "Per language: every statistic as a small layer × head grid "
                    + "(shares of attention on one colour scale; hover a cell for its value ± standard error) beside "
                    + "the role map and the attention mass against token distance per layer; the full-size figure of "
                    + "each statistic is one click away.");
            for (Map.Entry<String, List<HeadGroup>> dataset : model.getValue().entrySet()) {
                long sequences = dataset.getValue().stream().mapToLong(HeadGroup::sequences).sum();
                html.subheading(dataset.getKey(), dataset.getValue().size() + " languages, "
                        + String.format(java.util.Locale.ROOT, "%,d", sequences) + " sequences");
                for (HeadGroup g : dataset.getValue()) {
                    group(html, r, g, options);
                }
            }
        }
    }

    private static void group(HtmlReport html, AuditResults r, HeadGroup g, ReportOptions options) {
        boolean small = g.tooSmall(options.minSequences());
        html.minorHeading(g.language(), g.sampleSize() + (small ? " — too small to conclude" : ""));
        if (small) {
            html.warning(g.language() + " rests on " + g.sampleSize() + ", fewer than " + options.minSequences()
                    + " sequences: drawn for completeness, too small to conclude from.");
        }
        String key = Anchors.key(g);
        String runs = r.runIds(g.model(), g.revision());
        String size = g.sampleSize();
        html.beginRow();
        html.figure(new StatisticPanels(g, new Caption(runs, g.model(), g.revision(), Queries.headStat(g, "*"), size),
                "every statistic per layer and head — " + g.label()), key + "-statistics");
        html.figure(HeadHeatmaps.roles(g, new Caption(runs, g.model(), g.revision(), Queries.headStat(g, "role"),
                size)), key + "-roles");
        html.figure(ProximalPreference.of(g, new Caption(runs, g.model(), g.revision(), Queries.offsets(g), size)),
                key + "-proximal");
        html.endRow();
        html.beginLinkedPage(key + "-statistics", "Every statistic per layer and head — " + g.model() + " @ "
                + g.revision() + ", " + g.label(), "Full-size heatmap of each statistic (" + g.label() + ", PNG and SVG) →");
        html.beginRow();
        for (HeadStat s : HeadStat.values()) {
            if (g.stat(s) != null) {
                html.figure(HeadHeatmaps.stat(g, s, new Caption(runs, g.model(), g.revision(),
                        Queries.headStat(g, s.column()), size)), key + "-" + s.column());
            }
        }
        html.endRow();
        html.endLinkedPage();
    }

    private static void samples(HtmlReport html, AuditResults r, ReportOptions options) throws IOException {
        List<AttentionSample> shown = r.samples().subList(0, Math.min(options.maxSamples(), r.samples().size()));
        if (shown.isEmpty()) {
            return;
        }
        html.section("Token-level samples", "Raw attention of " + shown.size() + " sampled document(s) from the "
                + "samples table: head averages and single heads as token × token heatmaps (one click away), and how "
                + "attention flows across layers.");
        SampleSection samples = new SampleSection(html, options);
        for (AttentionSample s : shown) {
            samples.write(s, s.runId() != null ? s.runId() : r.runIds(s.model(), s.revision()));
        }
    }
}
