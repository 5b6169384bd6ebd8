package org.attentionatlas.jobs.importance;

import org.attentionatlas.datasets.CorpusSpec;
import org.attentionatlas.jobs.common.JobMain;
import org.attentionatlas.jobs.common.Settings;
import org.attentionatlas.udfs.ImportanceSettings;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The head-importance job's settings, typed and checked when built ({@link ImportanceCommand} builds them from the
 * command line).
 *
 * @param scoring    what the executors need: model, batches, windows, masks
 * @param corpus     the texts (input null: the bundled corpus)
 * @param languages  languages kept (lower case), or empty: every document
 * @param dataset    dataset name in the tables, or null: from the input
 * @param output     results folder
 * @param master     Spark master, or null: spark-submit's, else local[2]
 * @param partitions partitions of the documents (0: automatic)
 * @param fractions  the pruning curve's points: shares of heads removed, least important first, ascending from 0
 */
public record ImportanceConfig(ImportanceSettings scoring, CorpusSpec corpus, List<String> languages, String dataset,
                               String output, String master, int partitions, List<Double> fractions) {

    /** The default pruning curve: the least important 0 %, 10 %, …, 90 % of heads removed. */
    public static final String DEFAULT_FRACTIONS = "0,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9";

    public ImportanceConfig {
        Objects.requireNonNull(scoring, "scoring");
        Objects.requireNonNull(corpus, "corpus");
        languages = languages.stream().map(l -> l.strip().toLowerCase(Locale.ROOT)).filter(l -> !l.isEmpty()).toList();
        dataset = Settings.blankToNull(dataset);
        master = Settings.blankToNull(master);
        JobMain.requireOutputFolder(output);
        if (partitions < 0) {
            throw new IllegalArgumentException("--partitions must be 0 or more, got " + partitions);
        }
        fractions = List.copyOf(fractions);
        if (fractions.isEmpty() || fractions.get(0) != 0) {
            throw new IllegalArgumentException("--fractions must start at 0 (the unpruned model), got " + fractions);
        }
        for (int i = 1; i < fractions.size(); i++) {
            if (!(fractions.get(i) > fractions.get(i - 1) && fractions.get(i) < 1)) {
                throw new IllegalArgumentException("--fractions must ascend and stay below 1, got " + fractions);
            }
        }
    }

    public String datasetName() {
        return dataset != null ? dataset : corpus.defaultDataset();
    }

    /** Every setting as one JSON object (sorted keys), recorded in importance_runs. */
    public String toJson() {
        return Settings.json(this);
    }
}
