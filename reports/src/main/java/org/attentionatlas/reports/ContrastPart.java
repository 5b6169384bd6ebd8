package org.attentionatlas.reports;

import org.attentionatlas.engine.contrast.Contrast;
import org.attentionatlas.engine.contrast.TopHead;
import org.attentionatlas.reports.data.LabelledContrast;
import org.attentionatlas.reports.figures.ContrastFigures;
import org.attentionatlas.reports.html.HtmlReport;
import org.attentionatlas.reports.html.Table;
import org.attentionatlas.reports.render.Caption;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The contrast section ({@code report --contrast PAIRS.tsv}): per pair of texts, the layers × heads grid of mean
 * Jensen–Shannon divergence of the aligned attention rows, the most different heads and the difference heatmap of
 * the first of them (definitions: docs/contrast.md).
 */
final class ContrastPart {

    /** Heads listed per pair. */
    static final int TOP_HEADS = 5;

    private final HtmlReport html;

    ContrastPart(HtmlReport html) {
        this.html = html;
    }

    void write(List<LabelledContrast> contrasts) {
        if (contrasts.isEmpty()) {
            return;
        }
        html.section("Contrast", "Each pair of texts is run through the model and the two runs are aligned word by "
                + "word (a longest common subsequence of the words; the words outside it are the changed words). "
                + "For every head, the divergence is the mean Jensen–Shannon divergence (nats, at most ln 2 = 0.693) "
                + "between the two runs' attention rows of the aligned words, each row restricted to the aligned "
                + "words and renormalised; Δ changed is the mean attention the aligned words give to their own "
                + "text's changed words, A − B. Definitions: docs/contrast.md.");
        html.table(summary(contrasts));
        for (LabelledContrast lc : contrasts) {
            pair(lc);
        }
    }

    private void pair(LabelledContrast lc) {
        Contrast c = lc.contrast();
        html.subheading("Contrast — " + lc.label());
        html.paragraph("A: " + c.a().encoding().text() + " · B: " + c.b().encoding().text() + " · model "
                + models(c) + ".");
        Caption caption = new Caption("contrast " + lc.label(), models(c), c.a().provenance().revision(),
                "./submit.sh contrast --model " + c.a().provenance().name() + " --text-a '" + c.a().encoding().text()
                        + "' --text-b '" + c.b().encoding().text() + "' --json OUT", c.diff().size() + " aligned words");
        String stem = "contrast-" + lc.label().replaceAll("[^A-Za-z0-9]+", "-");
        html.figure(ContrastFigures.grid(c, "heads", caption), stem + "-grid");
        if (!c.topHeads().isEmpty()) {
            TopHead top = c.topHeads().get(0);
            html.figure(ContrastFigures.difference(c, "heads", top.layer(), top.head(), caption), stem + "-top");
        }
        html.table(topHeads(lc));
    }

    private static Table summary(List<LabelledContrast> contrasts) {
        List<List<String>> rows = new ArrayList<>();
        for (LabelledContrast lc : contrasts) {
            Contrast c = lc.contrast();
            TopHead top = c.topHeads().isEmpty() ? null : c.topHeads().get(0);
            double mean = Arrays.stream(c.divergence()).flatMapToDouble(Arrays::stream).average().orElse(0);
            double[] rollout = c.rollout().divergence();
            rows.add(List.of(lc.label(), models(c), changed(c), Integer.toString(c.diff().size()),
                    top == null ? "" : "L" + top.layer() + " H" + top.head(), top == null ? "" : num(top.divergence()),
                    num(mean), num(rollout[rollout.length - 1])));
        }
        return new Table("Contrast pairs: the most different head and the mean over heads (JS, nats; layers and heads "
                + "from 0)", List.of("pair", "model", "changed words (A → B)", "aligned words", "top head", "its JS",
                "mean JS of heads", "rollout JS, last layer"), rows);
    }

    private static Table topHeads(LabelledContrast lc) {
        Contrast c = lc.contrast();
        List<List<String>> rows = new ArrayList<>();
        List<TopHead> top = c.topHeads().subList(0, Math.min(TOP_HEADS, c.topHeads().size()));
        for (int i = 0; i < top.size(); i++) {
            TopHead h = top.get(i);
            rows.add(List.of(Integer.toString(i + 1), Integer.toString(h.layer()), Integer.toString(h.head()),
                    num(h.divergence()), String.format(Locale.ROOT, "%+.4f", h.changedDelta())));
        }
        return new Table("Most different heads, " + lc.label() + " (JS in nats; Δ changed = attention to the changed "
                + "words, A − B)", List.of("rank", "layer", "head", "JS", "Δ changed"), rows);
    }

    private static String changed(Contrast c) {
        String[] a = c.a().words().labels();
        String[] b = c.b().words().labels();
        return Arrays.stream(c.diff().changedA()).mapToObj(u -> a[u]).collect(Collectors.joining(" ")) + " → "
                + Arrays.stream(c.diff().changedB()).mapToObj(u -> b[u]).collect(Collectors.joining(" "));
    }

    private static String models(Contrast c) {
        String a = c.a().provenance().name();
        String b = c.b().provenance().name();
        return a.equals(b) ? a : a + " vs " + b;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.5f", v);
    }
}
