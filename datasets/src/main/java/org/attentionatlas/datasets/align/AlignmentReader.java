package org.attentionatlas.datasets.align;

import org.attentionatlas.datasets.InputException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads sentence pairs for the alignment job: the awesome-align format ({@code src ||| tgt} per line, words split on
 * any whitespace; gold optional, line-aligned) or a Tatoeba TSV ({@code orig_line}, {@code eng}, other language; no
 * gold: the other language is the source, English the target). Rejects — line counts of pairs and gold that differ
 * (each unmatched line), an empty side or a line without {@code |||}, a malformed link item, a link outside the
 * sentence, a TSV line without three columns — are returned, never dropped silently. A missing or unreadable file is
 * an {@link InputException}.
 */
public final class AlignmentReader {

    static final String SEPARATOR = "|||";

    private AlignmentReader() {
    }

    /** {@code gold} may be null; a {@code .tsv} input is read as Tatoeba and takes no gold. */
    public static AlignCorpus read(Path pairs, Path gold) {
        List<String> lines = lines(pairs, "pairs");
        if (isTsv(pairs)) {
            if (gold != null) {
                throw new InputException("--gold does not apply to a Tatoeba TSV input (" + pairs + ")");
            }
            return tatoeba(pairs, lines);
        }
        List<String> goldLines = gold == null ? null : lines(gold, "gold");
        return awesome(pairs, lines, gold, goldLines);
    }

    /** The language pair a file name gives: {@code enfr.src-tgt} → enfr, {@code tatoeba.fra-eng.tsv} → fra-eng. */
    public static String languagePair(Path file) {
        String name = file.getFileName().toString();
        if (isTsv(file)) {
            name = name.substring(0, name.length() - 4);
            int dot = name.lastIndexOf('.');
            return dot >= 0 ? name.substring(dot + 1) : name;
        }
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static boolean isTsv(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tsv");
    }

    private static AlignCorpus awesome(Path pairsFile, List<String> lines, Path goldFile, List<String> goldLines) {
        String file = pairsFile.toString();
        List<AlignedPair> pairs = new ArrayList<>();
        List<AlignReject> rejects = new ArrayList<>();
        int n = lines.size();
        if (goldLines != null && goldLines.size() != n) {
            boolean morePairs = n > goldLines.size();
            List<String> longer = morePairs ? lines : goldLines;
            int shorter = Math.min(n, goldLines.size());
            String longerFile = morePairs ? file : goldFile.toString();
            String otherFile = morePairs ? goldFile.toString() : file;
            for (int i = shorter; i < longer.size(); i++) {
                rejects.add(new AlignReject(longerFile, i + 1, "no matching line in " + otherFile + " ("
                        + lines.size() + " pair lines, " + goldLines.size() + " gold lines)"));
            }
            n = shorter;
        }
        for (int i = 0; i < n; i++) {
            String line = lines.get(i);
            int sep = line.indexOf(SEPARATOR);
            if (sep < 0) {
                rejects.add(new AlignReject(file, i + 1, "no '" + SEPARATOR + "' between source and target"));
                continue;
            }
            List<String> src = Words.split(line.substring(0, sep));
            List<String> tgt = Words.split(line.substring(sep + SEPARATOR.length()));
            if (src.isEmpty() || tgt.isEmpty()) {
                rejects.add(new AlignReject(file, i + 1, "empty " + (src.isEmpty() ? "source" : "target") + " side"));
                continue;
            }
            if (goldLines == null) {
                pairs.add(new AlignedPair(file, i + 1, src, tgt, null, null));
            } else {
                GoldLine g = new GoldLine(goldLines.get(i), goldFile.toString(), i + 1, src.size(), tgt.size());
                rejects.addAll(g.rejects);
                pairs.add(new AlignedPair(file, i + 1, src, tgt, g.sure, g.possible));
            }
        }
        return new AlignCorpus(languagePair(pairsFile), goldLines != null, pairs, rejects);
    }

    private static AlignCorpus tatoeba(Path tsv, List<String> lines) {
        String file = tsv.toString();
        if (lines.isEmpty() || !lines.get(0).startsWith("orig_line\t")) {
            throw new InputException(tsv + ": not a Tatoeba TSV (the header must start with orig_line)");
        }
        String[] header = lines.get(0).split("\t", -1);
        if (header.length != 3 || !header[1].equals("eng") && !header[2].equals("eng")) {
            throw new InputException(tsv + ": header must be orig_line, eng and one other language, got "
                    + String.join(", ", header));
        }
        int eng = header[1].equals("eng") ? 1 : 2;
        int other = 3 - eng;
        List<AlignedPair> pairs = new ArrayList<>();
        List<AlignReject> rejects = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cols = lines.get(i).split("\t", -1);
            if (cols.length != 3) {
                rejects.add(new AlignReject(file, i + 1, "expected 3 tab-separated columns, got " + cols.length));
                continue;
            }
            List<String> src = Words.split(cols[other]);
            List<String> tgt = Words.split(cols[eng]);
            if (src.isEmpty() || tgt.isEmpty()) {
                rejects.add(new AlignReject(file, i + 1, "empty " + (src.isEmpty() ? "source" : "target") + " side"));
                continue;
            }
            pairs.add(new AlignedPair(file, i + 1, src, tgt, null, null));
        }
        return new AlignCorpus(header[other] + "-eng", false, pairs, rejects);
    }

    private static List<String> lines(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(what + " file " + file + " does not exist");
        }
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(file));
            if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
                lines.set(0, lines.get(0).substring(1));
            }
            return lines;
        } catch (CharacterCodingException e) {
            throw new InputException(what + " file " + file + " is not valid UTF-8");
        } catch (IOException e) {
            throw new InputException("cannot read " + what + " file " + file + ": " + e.getMessage(), e);
        }
    }
}
