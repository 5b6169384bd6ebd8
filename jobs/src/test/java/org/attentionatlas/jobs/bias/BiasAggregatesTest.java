package org.attentionatlas.jobs.bias;

import org.apache.spark.sql.Row;
import org.attentionatlas.jobs.common.TableRow;
import org.attentionatlas.udfs.BiasSentence;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The driver-side aggregation on hand-made scored rows: a sentence whose span was not located takes its pair out. */
class BiasAggregatesTest {

    @Test
    void anUnlocatedSentenceRejectsItsPairAndIsCounted() {
        List<Row> rows = new ArrayList<>();
        rows.add(coref("type1-1", "pro", 0, 0.8, null));
        rows.add(coref("type1-1", "anti", 1, 0.6, null));
        rows.add(coref("type1-2", "pro", 2, 0.7, null));
        rows.add(coref("type1-2", "anti", 3, Double.NaN, "pronoun span [40, 43) covers no token"));
        rows.add(coref("type1-3", "pro", 4, 0.4, null));
        rows.add(coref("type1-3", "anti", 5, 0.5, null));
        BiasAggregates agg = new BiasAggregates("m", "r", 1, 50, 10).compute(rows, Map.of());

        assertEquals(2, agg.rejects().size(), agg.rejects().toString());
        assertTrue(agg.rejects().stream().allMatch(r -> r.kind().equals("SPAN_NOT_LOCATED") && r.line() >= 3));
        assertTrue(agg.rejects().stream().anyMatch(r -> r.reason().contains("covers no token")));
        Row gap = agg.summary().stream().filter(r -> r.getString(3).equals("all") && r.getString(4).equals("coref_gap")
                && r.getString(5).equals("head_avg")).findFirst().orElseThrow();
        assertEquals(2, gap.getInt(9)); // pairs 1 and 3
        assertEquals(((0.8 - 0.6) + (0.4 - 0.5)) / 2, gap.getDouble(6), 1e-12);
        // per head: 1 layer x 2 heads, ranked by |value|
        assertEquals(2, agg.heads().stream().filter(r -> r.getString(3).equals("all")).count());
    }

    /** A scored WinoBias sentence with one layer of two heads, both equal to {@code share}. */
    private static Row coref(String id, String variant, int seq, double share, String error) {
        TableRow r = TableRow.of(BiasSentence.SCORED).setAll(Map.of("dataset", "winobias", "kind", BiasSentence.COREF,
                "id", id, "variant", variant, "grp", "type1", "occupation", "developer", "text", "text",
                "file", "pro_stereotyped_type1.txt.dev", "line", (long) seq + 1, "seq", seq));
        for (String span : List.of("pronoun", "target", "other")) {
            r.set(span + "_start", 0).set(span + "_end", 0);
        }
        r.set("text2", null).set("layers", 1).set("heads", 2).set("words", null).set("pronoun_row", null)
                .set("mlm", null).set("error", error);
        boolean scored = error == null;
        return r.set("per_head", scored ? scala.jdk.javaapi.CollectionConverters.asScala(List.of(share, share)).toSeq() : null)
                .set("per_layer", scored ? scala.jdk.javaapi.CollectionConverters.asScala(List.of(share)).toSeq() : null)
                .set("head_avg", scored ? share : null).set("rollout", scored ? share : null).row();
    }
}
