package org.attentionatlas.web;

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

    public static final Set<String> VIEWS = Set.of("head", "model", "heatmap", "flow");
    public static final int THUMB = 48;
    static final long MAX_PIXELS = 80_000_000L;

    /** The file: its bytes, MIME type and a download name. */
    public record Export(byte[] bytes, String contentType, String fileName) {
    }

    private final RunService runs;

    public ExportService(RunService runs) {
        this.runs = runs;
    }

    public Export export(Map<String, String> p) {
        Run run = runs.get(p.get("run"));
        String view = Params.oneOf("view", p.get("view"), VIEWS, "head");
        String format = Params.oneOf("format", p.get("format"), Set.of("png", "svg"), "png");
        int scale = Integer.parseInt(Params.oneOf("scale", p.get("scale"), Set.of("1", "2", "4"), "1"));
        double threshold = Params.doubleIn("threshold", p.get("threshold"), 0, 1, 0);
        Figure f = switch (view) {
            case "model" -> modelGrid(run);
            case "flow" -> {
                FlowView fv = FlowView.of(run, p.get("kind"), p.get("target"));
                double[][][] w = runs.onQueue(fv::weights);
                yield new FlowDiagram(fv.title(), run.tokens(), w, threshold, 400, caption(run));
            }
            case "heatmap" -> {
                AttentionView v = AttentionView.of(run, p.get("layer"), p.get("head"), p.get("words"));
                yield TokenHeatmaps.matrix(v.title(), v.labels(), Matrices.toDouble(v.matrix()), "attention", caption(run));
            }
            default -> {
                AttentionView v = AttentionView.of(run, p.get("layer"), p.get("head"), p.get("words"));
                yield new HeadViewFigure(v.title(), v.labels(), v.matrix(), threshold, 5000);
            }
        };
        String stem = "atlas-" + view + "-" + run.id();
        int drawScale = format.equals("svg") ? 1 : scale; // FigureFiles writes both files; keep the unused PNG small
        long pixels = (long) f.width() * f.height() * drawScale * drawScale;
        if (pixels > MAX_PIXELS) {
            throw ApiError.badRequest("a " + scale + "× PNG of this view would be " + f.width() * drawScale + " × "
                    + f.height() * drawScale + " pixels; choose a smaller scale or SVG");
        }
        return write(f, stem, format, drawScale);
    }

    private static ModelGridFigure modelGrid(Run run) {
        float[][][][] thumbs = new float[run.layers()][run.heads()][][];
        for (int l = 0; l < run.layers(); l++) {
            for (int h = 0; h < run.heads(); h++) {
                thumbs[l][h] = Matrices.pool(run.attention().attentions()[l][h], THUMB);
            }
        }
        return new ModelGridFigure(run.model() + " — all layers × heads", thumbs);
    }

    private static Caption caption(Run run) {
        return new Caption("web " + run.id(), run.model(), run.revision(), "");
    }

    private static Export write(Figure f, String stem, String format, int scale) {
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
