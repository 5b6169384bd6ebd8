package org.attentionatlas.datasets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one Tatoeba TSV file ({@code data/tatoeba/SOURCE.md}): a header {@code orig_line<TAB>eng<TAB>xxx}, then one
 * pair per line, {@code <orig line><TAB><English><TAB><xxx sentence>}, split on TAB with no quoting. Each pair gives
 * two documents, the English side and the other, with their languages; the other side's language comes from the file
 * name ({@code tatoeba.fra-eng.tsv} → fr) or, when the name does not say, from {@code otherLanguage}. Every line is
 * kept: a line that is not three fields with a numeric first one is one {@code invalid} row, an empty side an
 * {@code empty} one, bytes that are not UTF-8 {@code invalid}. Ids say file, 1-based line and side:
 * {@code tatoeba.fra-eng.tsv:12:fr}.
 */
public final class TatoebaPairs {

    private static final Pattern PAIR_NAME = Pattern.compile("([A-Za-z]{2,3})-([A-Za-z]{2,3})\\.tsv$");
    /** ISO 639-3 codes of the LASER files to the BCP-47 codes the project uses; others are kept as they are. */
    private static final Map<String, String> SHORT_CODES = Map.of("eng", "en", "cmn", "zh", "fra", "fr",
            "deu", "de", "spa", "es");
    public static final String ENGLISH = "en";

    /** One side of a pair (or a malformed line) as a corpus row. */
    public record Side(String id, String language, String text, String status) {
    }

    private TatoebaPairs() {
    }

    /**
     * Both sides of every pair of one file. {@code otherLanguage} (may be null or "und") is used only when the file
     * name names no pair.
     */
    public static List<Side> read(String fileName, byte[] content, String otherLanguage) {
        String other = otherLanguage(fileName, otherLanguage);
        String text = new String(content, StandardCharsets.UTF_8); // malformed bytes become U+FFFD
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).startsWith("orig_line\teng\t")) {
            throw new InputException("input " + fileName + " is not a Tatoeba TSV file: its first line must be the header"
                    + " orig_line<TAB>eng<TAB>xxx");
        }
        List<Side> out = new ArrayList<>(2 * lines.size());
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = fileName + ":" + (i + 1);
            String[] f = line.split("\t", -1);
            if (f.length != 3 || !f[0].strip().matches("\\d+")) {
                out.add(new Side(where, other, line, DocumentStatus.INVALID));
                continue;
            }
            out.add(side(where + ":" + ENGLISH, ENGLISH, f[1]));
            out.add(side(where + ":" + other, other, f[2]));
        }
        return out;
    }

    /** The non-English side's language of {@code fileName}, e.g. fr for {@code tatoeba.fra-eng.tsv}. */
    public static String otherLanguage(String fileName, String fallback) {
        Matcher m = PAIR_NAME.matcher(fileName);
        if (m.find()) {
            String a = code(m.group(1));
            String b = code(m.group(2));
            return a.equals(ENGLISH) ? b : a;
        }
        if (fallback == null || fallback.isBlank() || fallback.equals("und")) {
            throw new InputException("input " + fileName + ": the file name does not name the language pair"
                    + " (like tatoeba.fra-eng.tsv); give the non-English side's language with --language");
        }
        return fallback;
    }

    private static String code(String raw) {
        String c = raw.toLowerCase(Locale.ROOT);
        return SHORT_CODES.getOrDefault(c, c);
    }

    private static Side side(String id, String language, String text) {
        String status = text.isBlank() ? DocumentStatus.EMPTY
                : text.indexOf('\uFFFD') >= 0 ? DocumentStatus.INVALID : DocumentStatus.OK;
        return new Side(id, language, text, status);
    }
}
