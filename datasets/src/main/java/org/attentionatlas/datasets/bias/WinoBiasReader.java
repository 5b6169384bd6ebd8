package org.attentionatlas.datasets.bias;

import org.attentionatlas.datasets.InputException;
import org.attentionatlas.text.CharSpan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads WinoBias ({@code {pro,anti}_stereotyped_type{1,2}.txt.<split>} plus {@code female_occupations.txt} and
 * {@code male_occupations.txt} from one folder) into pro/anti pairs aligned by id. The first bracketed span is the
 * gold antecedent; the other occupation is found by name from the occupation lists. Lines that cannot be parsed or
 * located, and ids present in only one file, go to the {@link ReadReport}.
 */
public final class WinoBiasReader {

    private WinoBiasReader() {
    }

    public static WinoBiasData read(Path dir, String split) {
        OccupationFinder finder = new OccupationFinder(occupations(dir));
        ReadReport report = new ReadReport();
        List<WinoBiasPair> pairs = new ArrayList<>();
        for (int type = 1; type <= 2; type++) {
            Map<Integer, WinoBiasSentence> pro = readFile(dir, type, Stereotype.PRO, split, finder, report);
            Map<Integer, WinoBiasSentence> anti = readFile(dir, type, Stereotype.ANTI, split, finder, report);
            for (Map.Entry<Integer, WinoBiasSentence> e : pro.entrySet()) {
                WinoBiasSentence a = anti.get(e.getKey());
                if (a == null) {
                    unpaired(report, e.getValue(), Stereotype.ANTI);
                } else {
                    pairs.add(new WinoBiasPair(type, e.getKey(), e.getValue(), a));
                    report.accept();
                }
            }
            for (Map.Entry<Integer, WinoBiasSentence> e : anti.entrySet()) {
                if (!pro.containsKey(e.getKey())) {
                    unpaired(report, e.getValue(), Stereotype.PRO);
                }
            }
        }
        return new WinoBiasData(pairs, report);
    }

    /** The 40 occupations of the two lists (the files have no final newline). */
    static List<String> occupations(Path dir) {
        List<String> out = new ArrayList<>();
        for (String f : List.of("female_occupations.txt", "male_occupations.txt")) {
            for (String line : lines(dir.resolve(f))) {
                if (!line.isBlank()) {
                    out.add(line.strip());
                }
            }
        }
        return out;
    }

    private static Map<Integer, WinoBiasSentence> readFile(Path dir, int type, Stereotype s, String split,
                                                           OccupationFinder finder, ReadReport report) {
        String name = s.filePrefix() + "_type" + type + ".txt." + split;
        List<String> lines = lines(dir.resolve(name));
        Map<Integer, WinoBiasSentence> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int lineNo = i + 1;
            if (line.isBlank()) {
                report.reject(name, lineNo, ReadReport.Kind.MALFORMED, "blank line");
                continue;
            }
            try {
                WinoBiasSentence sentence = sentence(BracketedLine.parse(line), type, s, finder, name, lineNo);
                if (out.putIfAbsent(sentence.id(), sentence) != null) {
                    report.reject(name, lineNo, ReadReport.Kind.MALFORMED, "duplicate id " + sentence.id());
                }
            } catch (IllegalArgumentException e) {
                report.reject(name, lineNo, ReadReport.Kind.MALFORMED, e.getMessage() + ": " + line);
            } catch (SpanException e) {
                report.reject(name, lineNo, ReadReport.Kind.SPAN_NOT_LOCATED, e.getMessage() + ": " + line);
            }
        }
        return out;
    }

    private static WinoBiasSentence sentence(BracketedLine b, int type, Stereotype s, OccupationFinder finder,
                                             String file, int line) {
        if (b.spans().size() < 2) {
            throw new IllegalArgumentException(b.spans().size() + " bracketed span(s); need an antecedent and a pronoun");
        }
        String text = b.text();
        CharSpan antecedent = b.spans().get(0);
        OccupationFinder.Match gold = finder.within(text, antecedent.start(), antecedent.end())
                .orElseThrow(() -> new SpanException("antecedent '" + antecedent.of(text) + "' holds no known occupation"));
        OccupationFinder.Match other = finder.all(text).stream()
                .filter(m -> !m.span().overlaps(antecedent.start(), antecedent.end()))
                .findFirst()
                .orElseThrow(() -> new SpanException("no second occupation outside '" + antecedent.of(text) + "'"));
        CharSpan pronoun = b.spans().get(1);
        Gender gender = Gender.ofPronoun(pronoun.of(text))
                .orElseThrow(() -> new SpanException("second span '" + pronoun.of(text) + "' is not a pronoun"));
        return new WinoBiasSentence(type, s, b.id(), text, gold.occupation(), gold.span(), other.occupation(),
                other.span(), pronoun, gender, file, line);
    }

    private static void unpaired(ReadReport report, WinoBiasSentence s, Stereotype missing) {
        report.reject(s.file(), s.line(), ReadReport.Kind.UNPAIRED,
                "id " + s.id() + " has no " + missing.name().toLowerCase(java.util.Locale.ROOT) + " sentence");
    }

    static List<String> lines(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException("missing file " + file.toAbsolutePath());
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** A span that parses but cannot be located: reported as SPAN_NOT_LOCATED. */
    static final class SpanException extends RuntimeException {
        SpanException(String message) {
            super(message);
        }
    }
}
