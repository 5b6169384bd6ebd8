package org.attentionatlas.reports.html;

import org.attentionatlas.engine.progress.Pacing;
import org.attentionatlas.engine.progress.Progress;
import org.attentionatlas.reports.render.Figure;
import org.attentionatlas.reports.render.FigureFiles;
import org.attentionatlas.reports.render.HotSpot;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A self-contained HTML report: index.html with inline CSS and no external resources, figures as PNG and SVG files
 * in {@code figures/} beside it. Everything is written into a hidden temporary directory next to the target, which
 * {@link #commit()} renames into place, so a reader never sees half a report. Figures are rendered on a small thread
 * pool while the page is assembled; their HTML is put in order at commit. Not thread-safe itself.
 */
public final class HtmlReport implements AutoCloseable {

    /** The file that marks a folder as a report, so that the next report may replace it. */
    public static final String MARKER = ".attention-atlas-report";
    public static final String FIGURES = "figures";
    /** Above this many hover areas a figure gets no image map (token heatmaps of long texts would bloat the page). */
    static final int MAX_HOT_SPOTS = 4096;

    private final Path target;
    private final Path work;
    private final double scale;
    private final String title;
    /** The page body: text, and figures still being rendered (their HTML when done). */
    private final List<Object> parts = new ArrayList<>();
    private StringBuilder body = new StringBuilder();
    private final ExecutorService pool;
    private final List<String[]> toc = new ArrayList<>();
    private final Set<String> stems = new HashSet<>();
    private boolean sectionOpen;
    private boolean committed;
    private PrintStream progressOut;
    private Pacing progressPacing;
    private long firstFigureNanos;

    private HtmlReport(Path target, Path work, double scale, String title) {
        this.target = target;
        this.work = work;
        this.scale = scale;
        this.title = title;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "report-figures");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts a report that will replace {@code target} on commit; PNGs are drawn at {@code scale} × their size.
     * Only an empty folder or a previous report is replaced ({@link #checkReplaceable}).
     */
    public static HtmlReport create(Path target, double scale, String title) throws IOException {
        checkReplaceable(target);
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        Path work = Files.createTempDirectory(parent, "." + abs.getFileName() + ".tmp-");
        Files.createDirectories(work.resolve(FIGURES));
        Files.writeString(work.resolve(MARKER), "an Attention Atlas report: replaced as a whole by the next one\n");
        return new HtmlReport(abs, work, scale, title);
    }

    /**
     * An {@link IllegalArgumentException} unless {@code target} is absent, an empty folder or a previous report (a
     * folder holding {@link #MARKER}): a report never replaces a file or a folder of other things.
     */
    public static void checkReplaceable(Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(target + " is a file, not a report folder; not replacing it");
        }
        try (Stream<Path> entries = Files.list(target)) {
            if (entries.findAny().isPresent() && !Files.isRegularFile(target.resolve(MARKER))) {
                throw new IllegalArgumentException(target + " is a folder that is not an Attention Atlas report (no "
                        + MARKER + "); not replacing it");
            }
        }
    }

    /** Prints figures rendered of total to {@code out} while {@link #commit()} waits for them. */
    public void reportProgress(PrintStream out, Pacing pacing) {
        this.progressOut = out;
        this.progressPacing = pacing;
    }

    /** Starts a section (closing the previous one); what follows goes into it. */
    public void section(String heading, String intro) {
        closeSection();
        String id = "s" + (toc.size() + 1);
        toc.add(new String[] {id, heading});
        body.append("<section id=\"").append(id).append("\">\n<h2>").append(Html.escape(heading)).append("</h2>\n");
        if (intro != null && !intro.isBlank()) {
            paragraph(intro);
        }
        sectionOpen = true;
    }

    private void closeSection() {
        if (sectionOpen) {
            body.append("</section>\n");
            sectionOpen = false;
        }
    }

    /** A sub-heading inside the current section. */
    public void subheading(String text) {
        body.append("<h3>").append(Html.escape(text)).append("</h3>\n");
    }

    public void paragraph(String text) {
        body.append("<p>").append(Html.escape(text)).append("</p>\n");
    }

    /** Places the figure here; its PNG and SVG are written in the background. Returns its file stem. */
    public String figure(Figure f, String name) {
        String stem = uniqueStem(name);
        if (firstFigureNanos == 0) {
            firstFigureNanos = System.nanoTime();
        }
        parts.add(body.toString());
        body = new StringBuilder();
        parts.add(pool.submit(() -> figureHtml(f, stem)));
        return stem;
    }

    private String figureHtml(Figure f, String stem) throws IOException {
        FigureFiles.Written w = FigureFiles.write(f, work.resolve(FIGURES), stem, scale);
        String png = FIGURES + "/" + w.png();
        String svg = FIGURES + "/" + w.svg();
        boolean map = !w.hotSpots().isEmpty() && w.hotSpots().size() <= MAX_HOT_SPOTS;
        StringBuilder b = new StringBuilder();
        b.append("<figure id=\"").append(stem).append("\">\n<img src=\"").append(png).append("\" width=\"")
                .append(w.width()).append("\" height=\"").append(w.height()).append("\" alt=\"")
                .append(Html.escape(f.title())).append('"');
        if (map) {
            b.append(" usemap=\"#map-").append(stem).append('"');
        }
        b.append(">\n");
        if (map) {
            b.append("<map name=\"map-").append(stem).append("\">\n");
            for (HotSpot h : w.hotSpots()) {
                b.append("<area shape=\"").append(Html.escape(h.shape())).append("\" coords=\"")
                        .append(Html.escape(h.coords())).append("\" title=\"").append(Html.escape(h.title()))
                        .append("\" alt=\"").append(Html.escape(h.title())).append("\">\n");
            }
            b.append("</map>\n");
        }
        b.append("<figcaption><b>").append(Html.escape(f.title())).append("</b><br>")
                .append(Html.escape(f.caption().provenance())).append("<br><code>")
                .append(Html.escape(f.caption().query())).append("</code><br><a href=\"").append(png)
                .append("\">PNG ×").append(Html.escape(formatScale())).append("</a> · <a href=\"").append(svg)
                .append("\">SVG</a>").append(map || w.hotSpots().isEmpty() ? "" : " · (too many cells for hover values)")
                .append("</figcaption>\n</figure>\n");
        return b.toString();
    }

    public void table(Table t) {
        body.append("<table>\n");
        if (t.caption() != null) {
            body.append("<caption>").append(Html.escape(t.caption())).append("</caption>\n");
        }
        body.append("<tr>");
        t.header().forEach(h -> body.append("<th>").append(Html.escape(h)).append("</th>"));
        body.append("</tr>\n");
        for (List<String> row : t.rows()) {
            body.append("<tr>");
            row.forEach(c -> body.append("<td>").append(Html.escape(c)).append("</td>"));
            body.append("</tr>\n");
        }
        body.append("</table>\n");
    }

    private String formatScale() {
        return scale == Math.rint(scale) ? Long.toString((long) scale) : Double.toString(scale);
    }

    private String uniqueStem(String name) {
        String base = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("-{2,}", "-").replaceAll("^-+|-+$", "");
        if (base.isEmpty()) {
            base = "figure";
        }
        String stem = base;
        for (int i = 2; !stems.add(stem); i++) {
            stem = base + "-" + i;
        }
        return stem;
    }

    /** Writes index.html and moves the finished report to the target (replacing an older one). */
    public Path commit() throws IOException {
        closeSection();
        parts.add(body.toString());
        body = new StringBuilder();
        Files.writeString(work.resolve("index.html"), page(joined()), StandardCharsets.UTF_8);
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            move(target, old);
        }
        move(work, target);
        committed = true;
        if (old != null) {
            deleteTree(old);
        }
        return target.resolve("index.html");
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** The body with every figure's HTML, waiting for the figures still being rendered. */
    private String joined() throws IOException {
        StringBuilder b = new StringBuilder();
        List<Future<?>> figures = parts.stream().<Future<?>>mapMulti((p, keep) -> {
            if (p instanceof Future<?> f) {
                keep.accept(f);
            }
        }).toList();
        Progress rendered = progressOut == null ? null : Progress.of("report", "figures", figures.size(),
                progressPacing, progressOut).startedAt(firstFigureNanos); // figures render from their first one on
        for (Object part : parts) {
            if (part instanceof Future<?> f) {
                try {
                    b.append(f.get());
                    if (rendered != null) { // every finished figure, not only those waited for so far
                        rendered.update(figures.stream().filter(Future::isDone).count(), 0);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while rendering figures", e);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IOException("figure rendering failed", e.getCause());
                }
            } else {
                b.append(part);
            }
        }
        return b.toString();
    }

    private String page(String body) {
        StringBuilder p = new StringBuilder();
        p.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Html.escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:1.5em auto;max-width:1400px;padding:0 1em;color:#222}\n")
                .append("figure{margin:1.5em 0;overflow-x:auto}figcaption{font-size:.85em;color:#444}\n")
                .append("code{font-size:.9em;white-space:pre-wrap;word-break:break-all}\n")
                .append("table{border-collapse:collapse;margin:1em 0;font-size:.9em}")
                .append("td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}\n")
                .append("nav li{margin:.2em 0}\n</style>\n</head>\n<body>\n<h1>").append(Html.escape(title))
                .append("</h1>\n<nav><ul>\n");
        for (String[] s : toc) {
            p.append("<li><a href=\"#").append(s[0]).append("\">").append(Html.escape(s[1])).append("</a></li>\n");
        }
        p.append("</ul></nav>\n");
        p.append(body).append("</body>\n</html>\n");
        return p.toString();
    }

    /** Stops the renderers and removes the temporary directory unless the report was committed. */
    @Override
    public void close() {
        pool.shutdownNow();
        if (!committed) {
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES); // a renderer may still be writing into the directory
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                deleteTree(work);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + work, e);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
