package org.attentionatlas.reports.html;

import org.attentionatlas.engine.progress.Pacing;
import org.attentionatlas.engine.progress.Progress;
import org.attentionatlas.reports.render.Caption;
import org.attentionatlas.reports.render.Figure;
import org.attentionatlas.reports.render.FigureFiles;

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
 * A self-contained HTML report: index.html with inline CSS and a little inline JavaScript (no external resources),
 * figures as PNG and SVG files in {@code figures/} beside it, loaded lazily. A figure's hover values live in
 * {@code figures/STEM.map.js}, loaded the first time the pointer reaches the figure, so the page stays small however
 * many cells its figures have. Sections and headings get ids and a place in the sticky table of contents (section →
 * subheading → minor heading). Everything is written into a hidden temporary directory next to the target, which
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
    private List<Object> parts = new ArrayList<>();
    private StringBuilder body = new StringBuilder();
    /** Pages linked from the index (figures one click away), finished. */
    private final List<LinkedPage> linkedPages = new ArrayList<>();
    /** The linked page being written, with the index's parts and body set aside meanwhile; null on the index. */
    private LinkedPage openPage;
    private List<Object> indexParts;
    private StringBuilder indexBody;
    private final ExecutorService pool;
    /** Table of contents: level (1 section, 2 subheading, 3 minor heading), id, text. */
    private final List<TocEntry> toc = new ArrayList<>();
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
        if (openPage != null) {
            throw new IllegalStateException("a section belongs on the index page, not in " + openPage.file());
        }
        closeSection();
        String id = heading(1, heading);
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

    /** A sub-heading inside the current section, listed under it in the table of contents; returns its id. */
    public String subheading(String text) {
        return subheading(text, null);
    }

    /** A sub-heading with a short note beside it (e.g. the sample size); returns its id. */
    public String subheading(String text, String note) {
        String id = heading(2, text);
        body.append("<h3 id=\"").append(id).append("\">").append(Html.escape(text)).append(note(note)).append("</h3>\n");
        return id;
    }

    /** A heading one level below {@link #subheading}, also in the table of contents; returns its id. */
    public String minorHeading(String text, String note) {
        String id = heading(3, text);
        body.append("<h4 id=\"").append(id).append("\">").append(Html.escape(text)).append(note(note)).append("</h4>\n");
        return id;
    }

    private static String note(String note) {
        return note == null || note.isBlank() ? "" : " <small>" + Html.escape(note) + "</small>";
    }

    private String heading(int level, String text) {
        String id = uniqueStem("sec-" + text);
        if (openPage == null) {
            toc.add(new TocEntry(level, id, text));
        }
        return id;
    }

    public void paragraph(String text) {
        body.append("<p>").append(Html.escape(text)).append("</p>\n");
    }

    /** A short warning paragraph (e.g. a group too small to conclude from). */
    public void warning(String text) {
        body.append("<p class=\"warn\">").append(Html.escape(text)).append("</p>\n");
    }

    /** Sentences as a list, each linking to the place that shows it (a figure stem or heading id; null: no link). */
    public void findings(List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        body.append("<ul class=\"findings\">\n");
        for (Finding f : findings) {
            body.append("<li>").append(Html.escape(f.text()));
            if (f.anchor() != null) {
                body.append(" <a href=\"#").append(Html.escape(f.anchor())).append("\">").append(Html.escape(f.linkText()))
                        .append("</a>");
            }
            body.append("</li>\n");
        }
        body.append("</ul>\n");
    }

    /** Starts a row of figures shown side by side (wrapping on narrow screens); end it with {@link #endRow()}. */
    public void beginRow() {
        body.append("<div class=\"row\">\n");
    }

    public void endRow() {
        body.append("</div>\n");
    }

    /**
     * Writes a link here and starts a page of its own (beside index.html) that everything up to
     * {@link #endLinkedPage()} goes into: figures one click away that would make the index heavy. Headings there get
     * ids but no place in the index's contents. Returns the page's file name.
     */
    public String beginLinkedPage(String name, String pageTitle, String linkText) {
        if (openPage != null) {
            throw new IllegalStateException("linked pages do not nest: " + openPage.file() + " is open");
        }
        String file = uniqueStem("page-" + name) + ".html";
        body.append("<p class=\"more\"><a href=\"").append(file).append("\">").append(Html.escape(linkText))
                .append("</a></p>\n");
        indexParts = parts;
        indexBody = body;
        parts = new ArrayList<>();
        body = new StringBuilder();
        openPage = new LinkedPage(file, pageTitle, parts);
        return file;
    }

    /** Ends the page {@link #beginLinkedPage} started; what follows goes on the index again. */
    public void endLinkedPage() {
        if (openPage == null) {
            throw new IllegalStateException("no linked page is open");
        }
        parts.add(body.toString());
        linkedPages.add(openPage);
        openPage = null;
        parts = indexParts;
        body = indexBody;
    }

    private record LinkedPage(String file, String title, List<Object> parts) {
    }

    /**
     * The anchor a figure placed under {@code name} gets when no earlier figure took that name: lets a finding written
     * before the figure link to it.
     */
    public static String anchor(String name) {
        String base = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("^-+|-+$", "");
        return base.isEmpty() ? "figure" : base;
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
        b.append("<figure id=\"").append(stem).append("\">\n<img src=\"").append(png).append("\" loading=\"lazy\" width=\"")
                .append(w.width()).append("\" height=\"").append(w.height()).append("\" alt=\"")
                .append(Html.escape(f.title())).append('"');
        if (map) {
            String script = FIGURES + "/" + stem + ".map.js";
            Files.writeString(work.resolve(script), HoverMaps.script(stem, w.hotSpots()), StandardCharsets.UTF_8);
            b.append(" usemap=\"#map-").append(stem).append("\" data-map=\"").append(script).append("\"><map name=\"map-")
                    .append(stem).append("\" id=\"map-").append(stem).append("\"></map>\n");
        } else {
            b.append(">\n");
        }
        Caption c = f.caption();
        b.append("<figcaption><b>").append(Html.escape(f.title())).append("</b>");
        if (c != null) {
            b.append(" · ").append(Html.escape(c.provenance())).append("<br><code>").append(Html.escape(c.query()))
                    .append("</code>");
        }
        b.append("<br><a href=\"").append(png).append("\">PNG ×").append(Html.escape(formatScale()))
                .append("</a> · <a href=\"").append(svg).append("\">SVG</a>")
                .append(map ? " · hover for values" : w.hotSpots().isEmpty() ? "" : " · (too many cells for hover values)")
                .append("</figcaption>\n</figure>\n");
        return b.toString();
    }

    public void table(Table t) {
        table(t, false);
    }

    /**
     * A table the reader can sort (click a column header; numbers sort as numbers, "0.83 ± 0.01" by its value) and
     * filter (every word typed must occur in the row).
     */
    public void sortableTable(Table t) {
        table(t, true);
    }

    private void table(Table t, boolean sortable) {
        if (sortable) {
            String id = uniqueStem("table-" + (t.caption() == null ? "rows" : t.caption()));
            body.append("<p class=\"filter\"><input type=\"search\" placeholder=\"filter rows, e.g. previous-token en\" "
                    + "data-table=\"").append(id).append("\" aria-label=\"filter rows\"></p>\n<table class=\"sortable\" id=\"")
                    .append(id).append("\">\n");
        } else {
            body.append("<table>\n");
        }
        if (t.caption() != null) {
            body.append("<caption>").append(Html.escape(t.caption())).append("</caption>\n");
        }
        body.append("<thead><tr>");
        t.header().forEach(h -> body.append("<th>").append(Html.escape(h)).append("</th>"));
        body.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : t.rows()) {
            body.append("<tr>");
            // a sortable table may be long (every head): its cells leave out the end tags HTML lets them omit
            row.forEach(c -> body.append("<td>").append(Html.escape(c)).append(sortable ? "" : "</td>"));
            body.append(sortable ? "\n" : "</tr>\n");
        }
        body.append("</tbody></table>\n");
    }

    private String formatScale() {
        return scale == Math.rint(scale) ? Long.toString((long) scale) : Double.toString(scale);
    }

    private String uniqueStem(String name) {
        String base = anchor(name);
        String stem = base;
        for (int i = 2; !stems.add(stem); i++) {
            stem = base + "-" + i;
        }
        return stem;
    }

    /** Writes index.html and its linked pages and moves the finished report to the target (replacing an older one). */
    public Path commit() throws IOException {
        if (openPage != null) {
            endLinkedPage();
        }
        closeSection();
        parts.add(body.toString());
        body = new StringBuilder();
        List<Future<?>> figures = new ArrayList<>(futures(parts));
        linkedPages.forEach(p -> figures.addAll(futures(p.parts())));
        Progress rendered = progressOut == null ? null : Progress.of("report", "figures", figures.size(),
                progressPacing, progressOut).startedAt(firstFigureNanos); // figures render from their first one on
        Files.writeString(work.resolve("index.html"), page(joined(parts, figures, rendered)), StandardCharsets.UTF_8);
        for (LinkedPage p : linkedPages) {
            Files.writeString(work.resolve(p.file()), linkedPage(p.title(), joined(p.parts(), figures, rendered)),
                    StandardCharsets.UTF_8);
        }
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

    private static List<Future<?>> futures(List<Object> parts) {
        return parts.stream().<Future<?>>mapMulti((p, keep) -> {
            if (p instanceof Future<?> f) {
                keep.accept(f);
            }
        }).toList();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** A page's body with every figure's HTML, waiting for the figures still being rendered. */
    private static String joined(List<Object> parts, List<Future<?>> figures, Progress rendered) throws IOException {
        StringBuilder b = new StringBuilder();
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
        p.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(Html.escape(title)).append("</title>\n<style>\n").append(PageAssets.CSS).append("</style>\n")
                .append("</head>\n<body>\n<main>\n<h1>").append(Html.escape(title)).append("</h1>\n");
        // the contents come after the body in the source (the style sheet shows them first, on the left)
        p.append(body).append("</main>\n<nav id=\"toc\"><b>Contents</b>\n");
        tocHtml(p);
        p.append("</nav>\n<script>\n").append(PageAssets.SCRIPT).append("</script>\n</body>\n</html>\n");
        return p.toString();
    }

    private String linkedPage(String pageTitle, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
                + Html.escape(pageTitle) + "</title>\n<style>\n" + PageAssets.CSS + "</style>\n</head>\n"
                + "<body class=\"linked\">\n<main>\n<p><a href=\"index.html\">← " + Html.escape(title) + "</a></p>\n<h1>"
                + Html.escape(pageTitle) + "</h1>\n" + body + "</main>\n<script>\n" + PageAssets.SCRIPT
                + "</script>\n</body>\n</html>\n";
    }

    /** Nested lists by level: a deeper entry opens a list inside the last item, a shallower one closes lists. */
    private void tocHtml(StringBuilder p) {
        int depth = 0;
        for (TocEntry e : toc) {
            if (e.level() > depth) {
                for (; depth < e.level(); depth++) {
                    p.append("<ul>");
                }
            } else {
                p.append("</li>");
                for (; depth > e.level(); depth--) {
                    p.append("</ul></li>");
                }
            }
            p.append("\n<li><a href=\"#").append(e.id()).append("\">").append(Html.escape(e.text())).append("</a>");
        }
        for (; depth > 0; depth--) {
            p.append("</li></ul>");
        }
        p.append('\n');
    }

    private record TocEntry(int level, String id, String text) {
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
