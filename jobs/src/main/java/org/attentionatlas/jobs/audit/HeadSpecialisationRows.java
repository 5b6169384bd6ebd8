package org.attentionatlas.jobs.audit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.attentionatlas.engine.stats.HeadStat;
import org.attentionatlas.jobs.common.TableRow;
import org.attentionatlas.results.AuditTables;
import org.attentionatlas.results.HeadSpecialisation;
import org.attentionatlas.results.LanguageHeadStats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * head_specialisation rows from head_stats: each (model, revision, dataset, layer, head) scored over its languages
 * by {@link HeadSpecialisation}. head_stats is small (languages × layers × heads rows per dataset), so it is
 * collected and scored on the driver.
 */
final class HeadSpecialisationRows {

    private HeadSpecialisationRows() {
    }

    /** The rows, and every language some head left out for too few sequences. */
    record Derived(List<Row> rows, java.util.SortedSet<String> excluded) {
    }

    static Derived derive(Dataset<Row> headStats, long minSequences) {
        Map<List<Object>, List<LanguageHeadStats>> byHead = new TreeMap<>(HeadSpecialisationRows::compareKeys);
        for (Row r : headStats.select("model", "revision", "dataset", "language", "layer", "head", "sequences",
                "tokens", HeadStat.ENTROPY.column(), HeadStat.CLS_MASS.column(), HeadStat.SEP_MASS.column(), "role",
                "offset_hist").collectAsList()) {
            List<Object> key = List.of(r.getString(0), r.getString(1), r.getString(2), r.getInt(4), r.getInt(5));
            double[] hist = r.<Double>getList(12).stream().mapToDouble(d -> d == null ? 0 : d).toArray();
            byHead.computeIfAbsent(key, k -> new ArrayList<>()).add(new LanguageHeadStats(r.getString(3),
                    r.getLong(6), r.getLong(7), number(r, 8), number(r, 9) + number(r, 10), r.getString(11), hist));
        }
        List<Row> out = new ArrayList<>();
        java.util.SortedSet<String> excluded = new java.util.TreeSet<>();
        byHead.forEach((key, languages) -> {
            HeadSpecialisation.Score s = HeadSpecialisation.score(languages, minSequences);
            if (s != null) {
                out.add(row(key, s, minSequences));
                excluded.addAll(s.excluded());
            }
        });
        return new Derived(out, excluded);
    }

    private static Row row(List<Object> key, HeadSpecialisation.Score s, long minSequences) {
        List<LanguageHeadStats> ls = s.languages();
        return TableRow.of(AuditTables.HEAD_SPECIALISATION)
                .set("model", key.get(0)).set("revision", key.get(1)).set("dataset", key.get(2))
                .set("layer", key.get(3)).set("head", key.get(4))
                .set("languages", ls.stream().map(LanguageHeadStats::language).toList())
                .set("language_sequences", ls.stream().map(LanguageHeadStats::sequences).toList())
                .set("language_tokens", ls.stream().map(LanguageHeadStats::tokens).toList())
                .set("excluded_languages", s.excluded())
                .set("min_sequences", minSequences)
                .set("specificity", s.specificity())
                .set("js_divergences", Arrays.stream(s.divergences()).boxed().toList())
                .set("most_different_language", s.mostDifferentLanguage())
                .set("entropy_spread", s.entropySpread())
                .set("special_mass_spread", s.specialMassSpread())
                .set("roles", ls.stream().map(LanguageHeadStats::role).toList())
                .set("modal_role", s.modalRole())
                .set("role_agreement", s.roleAgreement())
                .row();
    }

    /** A statistic left out by --metrics is null: NaN in the spreads. */
    private static double number(Row r, int i) {
        return r.isNullAt(i) ? Double.NaN : r.getDouble(i);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareKeys(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
