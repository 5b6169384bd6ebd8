package org.attentionatlas.datasets.bias;

import org.attentionatlas.text.CharSpan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads WinoGender's {@code all_sentences.tsv} and {@code occupations-stats.tsv}. The pronoun is not marked in the
 * data: it is located as the first word where a template's male and female sentences differ. Rows that cannot be
 * parsed, templates lacking a male or female row, and occupations without statistics go to the {@link ReadReport}.
 */
public final class WinoGenderReader {

    public static final String SENTENCES = "all_sentences.tsv";
    public static final String STATS = "occupations-stats.tsv";

    private record Row(int line, String sentId, String occupation, String participant, int answer, Gender gender,
                       String text) {
    }

    private WinoGenderReader() {
    }

    /** Reads both files of {@code dir}. */
    public static WinoGenderData read(Path dir) {
        ReadReport report = new ReadReport();
        Map<String, OccupationStat> stats = readStats(dir.resolve(STATS), report);
        List<WinoGenderSentence> sentences = readSentences(dir.resolve(SENTENCES), report);
        java.util.Set<String> missing = new java.util.TreeSet<>();
        for (WinoGenderSentence s : sentences) {
            if (!stats.containsKey(s.occupation()) && missing.add(s.occupation())) {
                report.reject(STATS, 0, ReadReport.Kind.MISSING_STATISTICS,
                        "no statistics for occupation '" + s.occupation() + "' (its sentences are kept)");
            }
        }
        return new WinoGenderData(sentences, stats, report);
    }

    /** {@code occupation, bergsma_pct_female, bls_pct_female, bls_year}, one header line. */
    public static Map<String, OccupationStat> readStats(Path file, ReadReport report) {
        String name = file.getFileName().toString();
        List<String> lines = WinoBiasReader.lines(file);
        Map<String, OccupationStat> out = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            if (f.length != 4) {
                report.reject(name, i + 1, ReadReport.Kind.MALFORMED, f.length + " fields, expected 4: " + lines.get(i));
                continue;
            }
            try {
                OccupationStat s = new OccupationStat(f[0].strip(), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Integer.parseInt(f[3].strip()));
                if (s.occupation().isEmpty() || s.blsPctFemale() < 0 || s.blsPctFemale() > 100) {
                    throw new NumberFormatException("occupation empty or % female outside 0..100");
                }
                out.put(s.occupation(), s);
                report.accept();
            } catch (NumberFormatException e) {
                report.reject(name, i + 1, ReadReport.Kind.MALFORMED, "bad number (" + e.getMessage() + "): "
                        + lines.get(i));
            }
        }
        return out;
    }

    static List<WinoGenderSentence> readSentences(Path file, ReadReport report) {
        String name = file.getFileName().toString();
        List<String> lines = WinoBiasReader.lines(file);
        Map<String, List<Row>> byTemplate = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            parse(lines.get(i), i + 1, name, report)
                    .ifPresent(r -> byTemplate.computeIfAbsent(r.occupation + "." + r.participant + "." + r.answer,
                            k -> new ArrayList<>()).add(r));
        }
        List<WinoGenderSentence> out = new ArrayList<>();
        for (List<Row> rows : byTemplate.values()) {
            locate(rows, name, report, out);
        }
        return out;
    }

    private static Optional<Row> parse(String line, int lineNo, String file, ReadReport report) {
        String[] f = line.split("\t", -1);
        if (f.length != 2 || f[1].isBlank()) {
            report.reject(file, lineNo, ReadReport.Kind.MALFORMED, f.length + " fields, expected sentid and sentence: "
                    + line);
            return Optional.empty();
        }
        String[] id = f[0].split("\\.", -1);
        Optional<Gender> gender = id.length == 5 ? Gender.ofLabel(id[3]) : Optional.empty();
        if (id.length != 5 || !id[4].equals("txt") || !(id[2].equals("0") || id[2].equals("1")) || gender.isEmpty()) {
            report.reject(file, lineNo, ReadReport.Kind.MALFORMED,
                    "sentid '" + f[0] + "' is not <occupation>.<participant>.<0|1>.<male|female|neutral>.txt");
            return Optional.empty();
        }
        return Optional.of(new Row(lineNo, f[0], id[0], id[1], Integer.parseInt(id[2]), gender.get(), f[1]));
    }

    /** Finds the pronoun word index from the male/female rows of one template, then builds every row's sentence. */
    private static void locate(List<Row> rows, String file, ReadReport report, List<WinoGenderSentence> out) {
        Optional<Row> male = rows.stream().filter(r -> r.gender == Gender.MALE).findFirst();
        Optional<Row> female = rows.stream().filter(r -> r.gender == Gender.FEMALE).findFirst();
        int word = male.isPresent() && female.isPresent() ? firstDifference(male.get().text, female.get().text) : -1;
        for (Row r : rows) {
            if (word < 0) {
                report.reject(file, r.line, ReadReport.Kind.SPAN_NOT_LOCATED, "template " + r.occupation + "."
                        + r.participant + "." + r.answer + " has no male/female sentences differing in one word");
                continue;
            }
            CharSpan pronoun = wordSpan(r.text, word);
            Optional<OccupationFinder.Match> occ = new OccupationFinder(List.of(r.occupation)).all(r.text).stream()
                    .findFirst();
            if (pronoun == null || Gender.ofPronoun(pronoun.of(r.text)).orElse(null) != r.gender) {
                report.reject(file, r.line, ReadReport.Kind.SPAN_NOT_LOCATED, "word " + word + " of \"" + r.text
                        + "\" is not a " + r.gender.name().toLowerCase(java.util.Locale.ROOT) + " pronoun");
            } else if (occ.isEmpty()) {
                report.reject(file, r.line, ReadReport.Kind.SPAN_NOT_LOCATED, "occupation '" + r.occupation
                        + "' not found in \"" + r.text + "\"");
            } else {
                out.add(new WinoGenderSentence(r.sentId, r.occupation, r.participant, r.answer, r.gender, r.text,
                        occ.get().span(), pronoun, r.line));
                report.accept();
            }
        }
    }

    private static int firstDifference(String a, String b) {
        String[] wa = a.split(" ");
        String[] wb = b.split(" ");
        for (int i = 0; i < Math.min(wa.length, wb.length); i++) {
            if (!wa[i].equals(wb[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Character span of the {@code index}-th space-separated word, without attached punctuation; null if absent. */
    static CharSpan wordSpan(String text, int index) {
        int start = 0;
        for (int i = 0; i < index; i++) {
            start = text.indexOf(' ', start) + 1;
            if (start == 0) {
                return null;
            }
        }
        int end = text.indexOf(' ', start);
        end = end < 0 ? text.length() : end;
        while (end > start && !Character.isLetter(text.charAt(end - 1))) {
            end--;
        }
        return end > start ? new CharSpan(start, end) : null;
    }
}
