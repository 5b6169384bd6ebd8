package org.attentionatlas.udfs;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.LongAccumulator;
import org.attentionatlas.engine.attention.AttentionExtractor;
import org.attentionatlas.engine.attention.RawAttention;
import org.attentionatlas.engine.attention.WordAttention;
import org.attentionatlas.text.CharSpan;
import org.attentionatlas.engine.bias.CorefAttention;
import org.attentionatlas.engine.bias.CorefScores;
import org.attentionatlas.engine.bias.CrowsPairsScoring;
import org.attentionatlas.engine.bias.FillMaskGap;
import org.attentionatlas.engine.bias.HeadSpanAttention;
import org.attentionatlas.engine.bias.MaskedLmScorer;
import org.attentionatlas.engine.bias.PairScores;
import org.attentionatlas.engine.bias.PronounAttention;
import org.attentionatlas.engine.bias.SpanLocator;
import org.attentionatlas.engine.bias.UnlocatedSpanException;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.tokenize.Encoding;
import org.attentionatlas.results.RowValues;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The bias job's executor side: for each chunk of a partition's sentences ({@link BiasSentence#INPUT}), one batched
 * attention extraction with the executor's model ({@link ModelHolder}), then per sentence the engine's bias scores:
 * coreference shares ({@link CorefAttention}) or pronoun → occupation attention ({@link PronounAttention}) per head,
 * per layer, head-averaged and (coref) through rollout, plus the pronoun's row of the head-averaged word attention.
 * A span that covers no token gives a row with {@code error} set and no scores, never an exception. With masked-LM
 * scoring on, male pronoun sentences get the fill-mask gap and CrowS-Pairs rows their PLL and AULA ({@code mlm}).
 */
public final class BiasScorer implements MapPartitionsFunction<Row, Row> {

    private final BiasSettings settings;
    private final boolean maskedLm;
    private final LongAccumulator sentencesDone;

    /**
     * {@code maskedLm}: also compute the masked-LM scores (the model must have an MLM head); each sentence is
     * added to {@code sentencesDone} once scored (the driver's progress).
     */
    public BiasScorer(BiasSettings settings, boolean maskedLm, LongAccumulator sentencesDone) {
        this.settings = settings;
        this.maskedLm = maskedLm;
        this.sentencesDone = sentencesDone;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        return PartitionChunks.flatten(input, this::scoreChunk);
    }

    private List<Row> scoreChunk(Iterator<Row> input) {
        LoadedModel model = ModelHolder.get(settings.model()).model();
        List<Row> rows = PartitionChunks.take(input, settings.chunkSentences());
        List<Encoding> encodings = new ArrayList<>(rows.size());
        List<Row> attended = rows.stream().filter(r -> !BiasSentence.CROWS.equals(r.getAs("kind"))).toList();
        attended.forEach(r -> encodings.add(model.encode(r.<String>getAs("text"))));
        List<RawAttention> raw = new AttentionExtractor(model, settings.batchSize()).extract(encodings);
        MaskedLmScorer mlm = maskedLm ? MaskedLmScorer.of(model) : null;
        List<Row> out = new ArrayList<>(rows.size());
        int next = 0;
        for (Row r : rows) {
            RowValues scored = BiasSentence.CROWS.equals(r.getAs("kind")) ? crows(r, model, mlm)
                    : score(r, raw.get(next++), model.config().layers(), model.config().heads());
            if (mlm != null && "male".equals(r.getAs("variant"))) {
                scored.set("mlm", fillMaskGap(r, model, mlm));
            }
            out.add(RowFactory.create(scored.values()));
            sentencesDone.add(1);
        }
        return out;
    }

    /** A CrowS-Pairs row: PLL over the shared tokens and AULA of both sentences (no attention scores). */
    static RowValues crows(Row in, LoadedModel model, MaskedLmScorer mlm) {
        RowValues values = base(in, model.config().layers(), model.config().heads());
        if (mlm != null) {
            PairScores s = CrowsPairsScoring.score(mlm, model.encode(in.getAs("text")), model.encode(in.getAs("text2")));
            values.set("mlm", new double[] {s.pllMore(), s.pllLess(), s.aulaMore(), s.aulaLess()});
        }
        return values;
    }

    /** The fill-mask gap [log P(male) − log P(female)] at the pronoun slot (null when it is not one token). */
    static double[] fillMaskGap(Row in, LoadedModel model, MaskedLmScorer mlm) {
        CharSpan pronoun = span(in, "pronoun");
        String word = pronoun.of(in.getAs("text"));
        try {
            int male = model.tokenizer().id(word.toLowerCase(java.util.Locale.ROOT));
            int female = model.tokenizer().id(FillMaskGap.femaleForm(word));
            return male == female ? null
                    : new double[] {FillMaskGap.gap(mlm, model.encode(in.getAs("text")), pronoun, male, female)};
        } catch (UnlocatedSpanException | IllegalArgumentException e) {
            return null; // a pronoun of several tokens, or without a female form: no slot to compare
        }
    }

    /** The input's columns by name, the model's shape, every score null until set. */
    private static RowValues base(Row in, int layers, int heads) {
        RowValues values = RowValues.of(BiasSentence.SCORED).setNull(BiasSentence.SCORES);
        for (String c : BiasSentence.INPUT.columnNames()) {
            values.set(c, in.getAs(c));
        }
        return values.set("layers", layers).set("heads", heads);
    }

    static RowValues score(Row in, RawAttention raw, int layers, int heads) {
        CharSpan pronoun = span(in, "pronoun");
        CharSpan target = span(in, "target");
        RowValues values = base(in, layers, heads);
        try {
            double[][] perHead;
            double[] perLayer;
            double headAvg;
            Double rollout;
            if (BiasSentence.COREF.equals(in.getAs("kind"))) {
                CorefScores c = CorefAttention.score(raw, pronoun, target, span(in, "other"));
                perHead = c.perHead();
                perLayer = c.perLayer();
                headAvg = c.overall();
                rollout = c.rollout();
            } else {
                perHead = PronounAttention.perHead(raw, pronoun, target);
                perLayer = HeadSpanAttention.headMean(perHead);
                headAvg = HeadSpanAttention.mean(perHead);
                rollout = null;
            }
            WordAttention words = WordAttention.of(raw.encoding());
            values.set("per_head", flatten(perHead)).set("per_layer", perLayer).set("head_avg", headAvg)
                    .set("rollout", rollout).set("words", words.labels())
                    .set("pronoun_row", pronounRow(raw, words, SpanLocator.units(raw.encoding(), words, pronoun,
                            "pronoun")));
        } catch (UnlocatedSpanException e) {
            values.set("error", e.getMessage());
        }
        return values;
    }

    /** The pronoun's row of the word attention averaged over every layer and head (mean over its words). */
    static double[] pronounRow(RawAttention raw, WordAttention words, int[] pronounUnits) {
        float[][][][] a = raw.attentions();
        int n = raw.encoding().length();
        float[][] mean = new float[n][n];
        int count = 0;
        for (float[][][] layer : a) {
            for (float[][] head : layer) {
                for (int q = 0; q < n; q++) {
                    for (int k = 0; k < n; k++) {
                        mean[q][k] += head[q][k];
                    }
                }
                count++;
            }
        }
        for (float[] row : mean) {
            for (int k = 0; k < n; k++) {
                row[k] /= count;
            }
        }
        float[][] unit = words.aggregate(mean);
        double[] out = new double[unit.length];
        for (int p : pronounUnits) {
            for (int k = 0; k < out.length; k++) {
                out[k] += unit[p][k] / pronounUnits.length;
            }
        }
        return out;
    }

    private static CharSpan span(Row r, String name) {
        return new CharSpan(r.<Integer>getAs(name + "_start"), r.<Integer>getAs(name + "_end"));
    }

    private static double[] flatten(double[][] perHead) {
        return java.util.Arrays.stream(perHead).flatMapToDouble(java.util.Arrays::stream).toArray();
    }
}
