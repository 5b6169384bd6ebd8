package org.attentionatlas.reports.figures;

import org.attentionatlas.reports.data.HeadGroup;

/** The queries over the audit's tables that return each figure's numbers (for captions; runnable with {@code sql}). */
public final class Queries {

    private Queries() {
    }

    public static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String where(HeadGroup g) {
        return " FROM head_stats WHERE model = " + literal(g.model()) + " AND revision = " + literal(g.revision())
                + " AND dataset = " + literal(g.dataset()) + " AND language = " + literal(g.language());
    }

    public static String headStat(HeadGroup g, String column) {
        return "SELECT layer, head, " + column + where(g);
    }

    public static String offsets(HeadGroup g) {
        return "SELECT layer, head, offset_hist" + where(g);
    }

    /** The same statistic for every language of one model revision and dataset. */
    public static String perLanguage(HeadGroup g, String column) {
        return "SELECT language, layer, head, " + column + " FROM head_stats WHERE model = " + literal(g.model())
                + " AND revision = " + literal(g.revision()) + " AND dataset = " + literal(g.dataset());
    }

    /** One statistic of the same dataset and language in two result directories. */
    public static String release(HeadGroup base, HeadGroup other, String column, String baseDir, String otherDir) {
        return "SELECT layer, head, " + column + where(base) + "  [in " + baseDir + "]  vs  SELECT layer, head, "
                + column + where(other) + "  [in " + otherDir + "]";
    }

    /** head_specialisation columns of one model revision and dataset. */
    public static String specialisation(String model, String revision, String dataset, String columns) {
        return "SELECT " + columns + " FROM head_specialisation WHERE model = " + literal(model) + " AND revision = "
                + literal(revision) + " AND dataset = " + literal(dataset);
    }

    /** One column of head_stats for the given languages of one model revision and dataset. */
    public static String perLanguage(String model, String revision, String dataset, java.util.List<String> languages,
                                     String columns) {
        return "SELECT language, " + columns + " FROM head_stats WHERE model = " + literal(model) + " AND revision = "
                + literal(revision) + " AND dataset = " + literal(dataset) + " AND language IN ("
                + String.join(", ", languages.stream().map(Queries::literal).toList()) + ")";
    }

    /** Columns of one alignment table (align_layers or align_heads) for one run of a model revision and pair. */
    public static String alignment(String table, String columns, String runId, String model, String revision,
                                   String languagePair) {
        return "SELECT " + columns + " FROM " + table + " WHERE run_id = " + literal(runId) + " AND model = "
                + literal(model) + " AND revision = " + literal(revision) + " AND language_pair = "
                + literal(languagePair);
    }

    public static String sample(String docId, int layer, Integer head) {
        return "SELECT tokens, attention FROM samples WHERE doc_id = " + literal(docId)
                + (layer < 0 ? "" : " AND layer = " + layer) + (head == null ? "" : " AND head = " + head);
    }
}
