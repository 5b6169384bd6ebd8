package org.attentionatlas.udfs;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.attentionatlas.engine.align.AerCounts;
import org.attentionatlas.engine.align.GoldAlignment;
import org.attentionatlas.engine.align.Link;
import org.attentionatlas.engine.align.PairAligner;
import org.attentionatlas.engine.align.PreSplitTokenizer;
import org.attentionatlas.engine.align.TokenizedPair;
import org.attentionatlas.engine.load.LoadedModel;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The alignment job's executor side: for each chunk of a partition's pairs ({@link AlignPairRows#INPUT}), tokenizes
 * both sides word by word, runs every aligner with the executor's model ({@link ModelHolder}, {@link PairAligner}:
 * one pass per sentence, one per joined pair) and scores each aligner's links against the gold. A pair the model
 * cannot take (too long, nothing left after tokenization) gives a row with {@code error} set.
 */
public final class PairAlignerFunction implements MapPartitionsFunction<Row, Row> {

    private final AlignSettings settings;

    public PairAlignerFunction(AlignSettings settings) {
        this.settings = settings;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        return PartitionChunks.flatten(input, this::alignChunk);
    }

    private List<Row> alignChunk(Iterator<Row> input) {
        LoadedModel model = ModelHolder.get(settings.model()).model();
        List<Row> rows = PartitionChunks.take(input, settings.chunkPairs());
        List<TokenizedPair> ok = new ArrayList<>();
        List<Integer> okRows = new ArrayList<>();
        Row[] out = new Row[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            try {
                ok.add(tokenize(model, r));
                okRows.add(i);
            } catch (IllegalArgumentException e) {
                out[i] = RowFactory.create(r.getAs("file"), r.getAs("line"), 0, null, null, null, null, 0L, 0L,
                        e.getMessage());
            }
        }
        if (!ok.isEmpty()) {
            PairAligner.Result result = new PairAligner(model.transformer(), settings.batchSize()).align(ok);
            long sim = result.similarityNanos() / ok.size();
            long att = result.attentionNanos() / ok.size();
            for (int k = 0; k < ok.size(); k++) {
                out[okRows.get(k)] = scored(rows.get(okRows.get(k)), result.links().get(k), sim, att);
            }
        }
        return List.of(out);
    }

    static TokenizedPair tokenize(LoadedModel model, Row r) {
        TokenizedPair p = TokenizedPair.of(PreSplitTokenizer.encode(model.tokenizer(), r.getList(r.fieldIndex("src"))),
                PreSplitTokenizer.encode(model.tokenizer(), r.getList(r.fieldIndex("tgt"))));
        int max = model.config().maxTokens();
        if (p.maxLength() > max) {
            throw new IllegalArgumentException("the pair is " + p.maxLength() + " tokens long as one sequence, more "
                    + "than the model's " + max + " positions");
        }
        if (p.src().subwordPositions().length == 0 || p.tgt().subwordPositions().length == 0) {
            throw new IllegalArgumentException("a side has no tokens after tokenization");
        }
        return p;
    }

    private Row scored(Row in, List<Set<Link>> links, long simNanos, long attNanos) {
        int n = links.size();
        int[] predicted = new int[n];
        for (int k = 0; k < n; k++) {
            predicted[k] = links.get(k).size();
        }
        GoldAlignment gold = gold(in);
        int[] hitSure = null;
        int[] hitPossible = null;
        if (gold != null) {
            hitSure = new int[n];
            hitPossible = new int[n];
            for (int k = 0; k < n; k++) {
                AerCounts c = AerCounts.of(links.get(k), gold);
                hitSure[k] = (int) c.hitSure();
                hitPossible[k] = (int) c.hitPossible();
            }
        }
        String[] text = settings.links() ? links.stream().map(PairAlignerFunction::text).toArray(String[]::new) : null;
        return RowFactory.create(in.getAs("file"), in.getAs("line"), gold == null ? 0 : gold.sure().size(),
                predicted, hitSure, hitPossible, text, simNanos, attNanos, null);
    }

    /** The pair's gold, or null without. */
    static GoldAlignment gold(Row in) {
        List<Integer> sure = in.isNullAt(in.fieldIndex("sure")) ? null : in.getList(in.fieldIndex("sure"));
        if (sure == null) {
            return null;
        }
        return new GoldAlignment(links(sure), links(in.getList(in.fieldIndex("possible"))));
    }

    private static Set<Link> links(List<Integer> flat) {
        Set<Link> out = new TreeSet<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            out.add(new Link(flat.get(i), flat.get(i + 1)));
        }
        return out;
    }

    /** Links as "i-j" (0-based), space-separated, in order. */
    public static String text(Set<Link> links) {
        return links.stream().map(Link::toString).collect(Collectors.joining(" "));
    }
}
