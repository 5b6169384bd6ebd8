package org.attentionatlas.jobs.agreement;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.attentionatlas.datasets.bias.WinoBiasPair;
import org.attentionatlas.datasets.bias.WinoBiasSentence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * WinoBias sentences as agreement inputs ({@code AgreementRows.INPUT}): for MLM models the pronoun is masked and is
 * the target; sentence-embedding models keep the sentence and compare it with the pair's other sentence (the same
 * sentence in the other stereotype condition, with the other gender's pronoun).
 */
final class AgreementTexts {

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, String[]> byId = new HashMap<>(); // text_id → {text, target}

    AgreementTexts(List<WinoBiasPair> pairs, int limitPerType, String maskToken) {
        Map<Integer, Integer> perType = new HashMap<>();
        for (WinoBiasPair p : pairs) {
            if (limitPerType > 0 && perType.merge(p.type(), 1, Integer::sum) > limitPerType) {
                continue;
            }
            add(p.key() + "-pro", p.pro(), p.anti(), maskToken);
            add(p.key() + "-anti", p.anti(), p.pro(), maskToken);
        }
    }

    private void add(String id, WinoBiasSentence s, WinoBiasSentence other, String maskToken) {
        String text;
        String target;
        Row row;
        if (maskToken != null) {
            text = s.text().substring(0, s.pronoun().start()) + maskToken + s.text().substring(s.pronoun().end());
            target = s.pronounText();
            row = RowFactory.create(id, text, target, null);
        } else {
            text = s.text();
            target = other.text();
            row = RowFactory.create(id, text, null, target);
        }
        rows.add(row);
        byId.put(id, new String[] {text, target});
    }

    List<Row> rows() {
        return rows;
    }

    String text(String id) {
        return byId.get(id)[0];
    }

    String target(String id) {
        return byId.get(id)[1];
    }
}
