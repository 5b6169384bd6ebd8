package org.attentionatlas.web;

import org.attentionatlas.engine.contrast.Contrast;
import org.attentionatlas.reports.figures.ContrastFigures;
import org.attentionatlas.reports.figures.FlowDiagram;
import org.attentionatlas.reports.figures.TokenHeatmaps;
import org.attentionatlas.reports.render.Caption;
import org.attentionatlas.reports.render.Figure;
import org.attentionatlas.reports.render.FigureFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Server-side PNG (1×, 2×, 4×) and SVG of any view, drawn by the reports module's renderers. */
public final class ExportService {

    public static final Set<String> VIEWS = Set.of("head", "model", "heatmap", "flow", "pair", "contrast-grid",
            "contrast-diff", "attribution");
    public static final int THUMB = 48;
    static final long MAX_PIXELS = 80_000_000L;

    /** The file: its bytes, MIME type and a download name. */
    public record Export(byte[] bytes, String contentType, String fileName) {
    }

    private final InferenceService inferences;
    private final PairService pairs;
    private final ContrastService contrasts;
    private final AttributionService attributions;

    public ExportService(InferenceService inferences, PairService pairs, ContrastService contrasts,
                         AttributionService attributions) {
        this.inferences = inferences;
        this.pairs = pairs;
        this.contrasts = contrasts;
        this.attributions = attributions;
    }

    public Export export(Map<String, String> p) {
        String view = Params.oneOf("view", p.get("view"), VIEWS, "head");
        String format = Params.oneOf("format", p.get("format"), Set.of("png", "svg"), "png");
        int scale = Integer.parseInt(Params.oneOf("scale", p.get("scale"), Set.of("1", "2", "4"), "1"));
        if (view.equals("pair")) {
            PairInference pair = pairs.get(p.get("pair"));
            PairChoice c = PairChoice.of(pair, p.get("layer"), p.get("head"), p.get("simLayer"));
            Figure f = new PairViewFigure(c.title(pair), pair.source(), pair.target(),
                    pair.sourceToTarget(c.layer(), c.head()), c.similarity(pair));
            return write(f, "atlas-pair-" + pair.id(), format, scale);
        }
        if (view.startsWith("contrast-")) {
            return write(contrastFigure(view, p), "atlas-" + view + "-" + p.get("runA") + "-" + p.get("runB"), format,
                    scale);
        }
        if (view.equals("attribution")) {
            AttributionRun a = attributions.get(p.get("attribution"));
            return write(new AttributionFigure(a.provenance().name(), a.result()), "atlas-attribution-" + a.id(), format,
                    scale);
        }
        Inference inference = inferences.get(p.get("run"));
        double threshold = Params.doubleIn("threshold", p.get("threshold"), 0, 1, 0);
        Figure f = switch (view) {
            case "model" -> modelGrid(inference, p.get("measure"));
            case "flow" -> {
                FlowView fv = FlowView.of(inference, p.get("kind"), p.get("target"));
                double[][][] w = inferences.onQueue(fv::weights);
                yield new FlowDiagram(fv.title(), inference.tokens(), w, threshold, 400, caption(inference));
            }
            case "heatmap" -> {
                AttentionView v = AttentionView.of(inference, p.get("layer"), p.get("head"), p.get("words"), p.get("measure"));
                yield TokenHeatmaps.matrix(v.title(), v.labels(), Matrices.toDouble(v.matrix()), "attention", caption(inference));
            }
            default -> {
                AttentionView v = AttentionView.of(inference, p.get("layer"), p.get("head"), p.get("words"), p.get("measure"));
                yield new HeadViewFigure(v.title(), v.labels(), v.matrix(), threshold, 5000);
            }
        };
        return write(f, "atlas-" + view + "-" + inference.id(), format, scale);
    }

    private static Export write(Figure f, String stem, String format, int scale) {
        int drawScale = format.equals("svg") ? 1 : scale; // FigureFiles writes both files; keep the unused PNG small
        long pixels = (long) f.width() * f.height() * drawScale * drawScale;
        if (pixels > MAX_PIXELS) {
            throw ApiError.badRequest("a " + scale + "× PNG of this view would be " + f.width() * drawScale + " × "
                    + f.height() * drawScale + " pixels; choose a smaller scale or SVG");
        }
        return files(f, stem, format, drawScale);
    }

    /** The divergence grid or one difference heatmap of the contrast of runs runA and runB. */
    private Figure contrastFigure(String view, Map<String, String> p) {
        String kind = Params.oneOf("kind", p.get("kind"), ContrastFigures.KINDS, "heads");
        Contrast c = contrasts.of(p.get("runA"), p.get("runB"));
        if (kind.equals("flow") && c.flow() == null) {
            throw ApiError.badRequest(c.flowSkipped());
        }
        Caption caption = new Caption("web " + p.get("runA") + " vs " + p.get("runB"), c.a().provenance().name()
                + (c.a().provenance().name().equals(c.b().provenance().name()) ? "" : " vs " + c.b().provenance().name()),
                c.a().provenance().revision(), "");
        if (view.equals("contrast-grid")) {
            return ContrastFigures.grid(c, kind, caption);
        }
        int layer = Params.intIn("layer", p.get("layer"), 0, c.layers() - 1, 0);
        int head = Params.intIn("head", p.get("head"), 0, c.heads() - 1, 0);
        return ContrastFigures.difference(c, kind, layer, head, caption);
    }

    private static ModelGridFigure modelGrid(Inference inference, String measure) {
        float[][][][] thumbs = new float[inference.layers()][inference.heads()][][];
        for (int l = 0; l < inference.layers(); l++) {
            float[][][] heads = AttentionView.of(inference, Integer.toString(l), "all", null, measure).allHeads();
            for (int h = 0; h < inference.heads(); h++) {
                thumbs[l][h] = Matrices.pool(heads[h], THUMB);
            }
        }
        return new ModelGridFigure(inference.model() + " — all layers × heads"
                + ("norms".equals(measure) ? ", norm-based" : ""), thumbs);
    }

    private static Caption caption(Inference inference) {
        return new Caption("web " + inference.id(), inference.model(), inference.revision(), "");
    }

    private static Export files(Figure f, String stem, String format, int scale) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("atlas-export");
            FigureFiles.Written w = FigureFiles.write(f, dir, stem, scale);
            boolean png = format.equals("png");
            byte[] bytes = Files.readAllBytes(dir.resolve(png ? w.png() : w.svg()));
            String name = png ? stem + "@" + scale + "x.png" : stem + ".svg";
            return new Export(bytes, png ? "image/png" : "image/svg+xml", name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
