package org.attentionatlas.datasets.bias;

import org.attentionatlas.datasets.InputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code crows_pairs_anonymized.csv} (header {@code ,sent_more,sent_less,stereo_antistereo,bias_type,...}).
 * Records with the wrong number of fields, a bad id or direction, or an empty sentence are MALFORMED; a bias type
 * outside {@link CulturalBias} is UNKNOWN_BIAS_TYPE. Both are reported with the record's first line.
 */
public final class CrowsPairsReader {

    public static final String FILE = "crows_pairs_anonymized.csv";
    private static final int FIELDS = 8;

    private CrowsPairsReader() {
    }

    /** Reads {@code path}, a CSV file or a folder holding {@value #FILE}. */
    public static CrowsPairsData read(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve(FILE) : path;
        String name = file.getFileName().toString();
        ReadReport report = new ReadReport();
        List<CsvRecords.Record> records;
        try {
            records = CsvRecords.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InputException("cannot read CrowS-Pairs file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        } catch (CsvRecords.CsvException e) {
            throw new InputException(name + ":" + e.line + ": " + e.getMessage() + "; the file is not valid CSV");
        }
        if (records.isEmpty() || !records.get(0).fields().contains("sent_more")) {
            throw new InputException(name + ": no header with sent_more/sent_less; is this the CrowS-Pairs CSV?");
        }
        List<CrowsPair> pairs = new ArrayList<>();
        for (CsvRecords.Record r : records.subList(1, records.size())) {
            pair(r, name, report).ifPresent(pairs::add);
        }
        return new CrowsPairsData(pairs, report);
    }

    private static java.util.Optional<CrowsPair> pair(CsvRecords.Record r, String file, ReadReport report) {
        List<String> f = r.fields();
        if (f.size() != FIELDS) {
            report.reject(file, r.line(), ReadReport.Kind.MALFORMED, f.size() + " fields, expected " + FIELDS);
            return java.util.Optional.empty();
        }
        int id;
        try {
            id = Integer.parseInt(f.get(0).strip());
        } catch (NumberFormatException e) {
            report.reject(file, r.line(), ReadReport.Kind.MALFORMED, "id '" + f.get(0) + "' is not a number");
            return java.util.Optional.empty();
        }
        String direction = f.get(3).strip();
        if (!direction.equals("stereo") && !direction.equals("antistereo")) {
            report.reject(file, r.line(), ReadReport.Kind.MALFORMED, "record " + id + ": stereo_antistereo is '"
                    + direction + "', expected stereo or antistereo");
            return java.util.Optional.empty();
        }
        if (f.get(1).isBlank() || f.get(2).isBlank()) {
            report.reject(file, r.line(), ReadReport.Kind.MALFORMED, "record " + id + ": empty sentence");
            return java.util.Optional.empty();
        }
        java.util.Optional<CulturalBias> bias = CulturalBias.ofLabel(f.get(4));
        if (bias.isEmpty()) {
            report.reject(file, r.line(), ReadReport.Kind.UNKNOWN_BIAS_TYPE, "record " + id + ": bias type '"
                    + f.get(4) + "' is not one of the nine CrowS-Pairs types");
            return java.util.Optional.empty();
        }
        report.accept();
        return java.util.Optional.of(new CrowsPair(id, f.get(1), f.get(2), direction.equals("antistereo"),
                bias.get(), r.line()));
    }
}
