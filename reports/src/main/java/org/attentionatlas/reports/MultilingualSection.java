package org.attentionatlas.reports;

import org.attentionatlas.reports.data.AuditResults;
import org.attentionatlas.reports.data.HeadGroup;
import org.attentionatlas.reports.data.SpecialisedHead;
import org.attentionatlas.reports.figures.Heatmap;
import org.attentionatlas.reports.figures.Queries;
import org.attentionatlas.reports.figures.SpecialisationFigures;
import org.attentionatlas.reports.html.HtmlReport;
import org.attentionatlas.reports.html.Table;
import org.attentionatlas.reports.render.Caption;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Multilingual heads": for each model revision and dataset with head_specialisation rows, the head-specialisation
 * part — role maps per language side by side, the specificity heatmap, the most language-specific heads as a table
 * and their offset profiles per language — then the cross-language alignment part ({@link AlignmentPart}, from
 * align_layers, align_heads and align_links). Either part alone makes the section.
 */
final class MultilingualSection {

    /** Heads whose per-language offset profiles are drawn. */
    static final int PROFILED_HEADS = 5;

    private final HtmlReport html;
    private final ReportOptions options;

    MultilingualSection(HtmlReport html, ReportOptions options) {
        this.html = html;
        this.options = options;
    }

    /** Writes the section when the results hold head_specialisation or alignment rows; returns whether it did. */
    boolean write(AuditResults r) {
        if (r.specialisation().isEmpty() && r.alignment().isEmpty()) {
            return false;
        }
        Map<List<String>, List<SpecialisedHead>> byDataset = new LinkedHashMap<>();
        for (SpecialisedHead h : r.specialisation()) {
            byDataset.computeIfAbsent(h.datasetKey(), k -> new ArrayList<>()).add(h);
        }
        html.section("Multilingual heads", "Which heads behave differently per language. A head's specificity is the "
                + "mean Jensen–Shannon divergence (natural log, in nats; at most ln 2 ≈ 0.693) between its offset "
                + "histogram in each language and the mean of those histograms; only languages with enough "
                + "sequences take part (docs/multilingual.md). Cross-language alignment: alignment error rate (AER, "
                + "Och & Ney; lower is better) of word links from hidden-state similarity per layer and from each "
                + "attention head (docs/align.md).");
        byDataset.forEach((key, rows) -> specialisation(r, rows));
        new AlignmentPart(html).write(r.alignment(), r.alignExamples());
        return true;
    }

    private void specialisation(AuditResults r, List<SpecialisedHead> rows) {
        SpecialisedHead first = rows.get(0);
        String model = first.model();
        String revision = first.revision();
        String dataset = first.dataset();
        String runs = r.runIds(model, revision);
        String sample = first.sampleSize();
        String stem = "multilingual-" + dataset + "-" + model;
        html.subheading("Head specialisation — " + model + " @ " + revision + ", " + dataset);
        html.paragraph("Compared: " + sample + " (at least " + first.minSequences() + " sequences per language)."
                + (first.excludedLanguages().isEmpty() ? ""
                : " Left out for too few sequences: " + String.join(", ", first.excludedLanguages()) + "."));
        List<HeadGroup> groups = new ArrayList<>();
        for (String language : first.languages()) {
            r.group(model, revision, dataset, language).ifPresent(groups::add);
        }
        if (groups.size() == first.languages().size()) {
            html.figure(SpecialisationFigures.rolesByLanguage(groups, new Caption(runs, model, revision,
                    Queries.perLanguage(model, revision, dataset, first.languages(), "layer, head, role"), sample)),
                    stem + "-roles");
        }
        html.figure(SpecialisationFigures.specificity(rows, new Caption(runs, model, revision,
                Queries.specialisation(model, revision, dataset, "layer, head, specificity"), sample)),
                stem + "-specificity");
        List<SpecialisedHead> top = rows.stream()
                .sorted(Comparator.comparingDouble(SpecialisedHead::specificity).reversed()
                        .thenComparingInt(SpecialisedHead::layer).thenComparingInt(SpecialisedHead::head))
                .limit(options.topHeads()).toList();
        html.table(topTable(top));
        if (groups.size() != first.languages().size()) {
            html.paragraph("head_stats lacks some compared languages: no role maps or offset profiles.");
            return;
        }
        for (SpecialisedHead h : top.subList(0, Math.min(PROFILED_HEADS, top.size()))) {
            html.figure(SpecialisationFigures.offsetProfiles(h, groups, new Caption(runs, model, revision,
                    Queries.perLanguage(model, revision, dataset, first.languages(), "offset_hist")
                            + " AND layer = " + h.layer() + " AND head = " + h.head(), sample)),
                    stem + "-profile-L" + h.layer() + "H" + h.head());
        }
    }

    private static Table topTable(List<SpecialisedHead> top) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            SpecialisedHead h = top.get(i);
            int most = h.languages().indexOf(h.mostDifferentLanguage());
            List<String> roles = new ArrayList<>();
            for (int l = 0; l < h.languages().size(); l++) {
                roles.add(h.languages().get(l) + ": " + h.roles().get(l));
            }
            rows.add(List.of(Integer.toString(i + 1), Integer.toString(h.layer()), Integer.toString(h.head()),
                    Heatmap.number(h.specificity()),
                    h.mostDifferentLanguage() + " (" + Heatmap.number(most < 0 ? Double.NaN : h.divergences().get(most)) + ")",
                    Heatmap.number(h.entropySpread()), Heatmap.number(h.specialMassSpread()),
                    String.join(", ", roles), String.format(Locale.ROOT, "%.2f", h.roleAgreement())));
        }
        return new Table("Most language-specific heads (specificity and JS in nats; spreads are max − min across "
                + "languages)", List.of("rank", "layer", "head", "specificity", "most different (its JS)",
                "entropy spread", "cls+sep spread", "role per language", "role agreement"), rows);
    }
}
