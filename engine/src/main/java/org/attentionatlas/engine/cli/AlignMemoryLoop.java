package org.attentionatlas.engine.cli;

import org.attentionatlas.engine.align.PairAligner;
import org.attentionatlas.engine.align.PreSplitTokenizer;
import org.attentionatlas.engine.align.TokenizedPair;
import org.attentionatlas.engine.load.LoadedModel;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code bench-memory --align-pairs}: the alignment job's executor work (every aligner, {@link PairAligner}) over the
 * pairs of an awesome-align file, one batch at a time in file order, {@code rounds} times; prints the process RSS and
 * the Java heap after every batch, so native memory kept across batches shows as growth from round to round.
 */
final class AlignMemoryLoop {

    private final List<List<String>[]> pairs;
    private final int batchSize;
    private final int rounds;

    private AlignMemoryLoop(List<List<String>[]> pairs, int batchSize, int rounds) {
        this.pairs = pairs;
        this.batchSize = batchSize;
        this.rounds = rounds;
    }

    /** Reads {@code file} (lines {@code src ||| tgt}, words split on whitespace; lines with an empty side skipped). */
    @SuppressWarnings("unchecked")
    static AlignMemoryLoop read(Path file, int batchSize, int rounds) throws IOException {
        if (batchSize < 1 || rounds < 1) {
            throw new IllegalArgumentException("--batch-size and --rounds must be positive, got " + batchSize + " and "
                    + rounds);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("pairs file " + file + " does not exist");
        }
        List<List<String>[]> pairs = new ArrayList<>();
        for (String line : lines) {
            String[] sides = line.split("\\|\\|\\|", -1);
            if (sides.length == 2 && !sides[0].isBlank() && !sides[1].isBlank()) {
                pairs.add(new List[] {words(sides[0]), words(sides[1])});
            }
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("pairs file " + file + " has no 'src ||| tgt' line");
        }
        return new AlignMemoryLoop(pairs, batchSize, rounds);
    }

    private static List<String> words(String side) {
        return Arrays.asList(side.trim().split("\\s+"));
    }

    void run(LoadedModel model, PrintWriter out) throws IOException {
        List<TokenizedPair> tokenized = new ArrayList<>();
        for (List<String>[] p : pairs) {
            TokenizedPair t = TokenizedPair.of(PreSplitTokenizer.encode(model.tokenizer(), p[0]),
                    PreSplitTokenizer.encode(model.tokenizer(), p[1]));
            if (t.maxLength() <= model.config().maxTokens()) {
                tokenized.add(t);
            }
        }
        PairAligner aligner = new PairAligner(model.transformer(), batchSize);
        long start = MemoryBenchmark.rssKb();
        out.printf("%d pairs, batch %d; RSS after loading the model: %d MB%n", tokenized.size(), batchSize,
                start / 1024);
        long t0 = System.nanoTime();
        for (int round = 1; round <= rounds; round++) {
            long peak = 0;
            for (int from = 0; from < tokenized.size(); from += batchSize) {
                List<TokenizedPair> batch = tokenized.subList(from, Math.min(tokenized.size(), from + batchSize));
                aligner.align(batch);
                long rss = MemoryBenchmark.rssKb();
                peak = Math.max(peak, rss);
                out.printf("round %d  pairs %4d  longest pair %3d tokens  RSS %d MB  (Java heap committed %d MB)%n",
                        round, from + batch.size(), batch.stream().mapToInt(TokenizedPair::maxLength).max().orElse(0),
                        rss / 1024, MemoryBenchmark.heapMb());
                out.flush();
            }
            out.printf("round %d done: RSS peak %d MB, now %d MB%n", round, peak / 1024,
                    MemoryBenchmark.rssKb() / 1024);
        }
        out.printf("%d rounds in %.1f s; RSS after loading %d MB, at the end %d MB%n", rounds,
                (System.nanoTime() - t0) / 1e9, start / 1024, MemoryBenchmark.rssKb() / 1024);
    }
}
