package org.attentionatlas.datasets.bias;

import org.attentionatlas.datasets.InputException;
import org.attentionatlas.text.CharSpan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Reads the probe TSV ({@link ProbeGenerator#HEADER}): the bundled resource or a user's file of the same shape. */
public final class ProbeReader {

    public static final String RESOURCE = "/bias/probes.tsv";

    /** Probes, and what could not be read. */
    public record Probes(List<Probe> probes, ReadReport report) {
    }

    private ProbeReader() {
    }

    public static Probes bundled() {
        try (InputStream in = ProbeReader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new InputException("bundled probes " + RESOURCE + " are missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "probes.tsv");
        } catch (IOException e) {
            throw new InputException("cannot read bundled probes: " + e.getMessage(), e);
        }
    }

    public static Probes read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
        } catch (IOException e) {
            throw new InputException("cannot read probes " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** % female for a probe from WinoGender statistics, empty when its occupation has none. */
    public static OptionalDouble pctFemale(Probe p, Map<String, OccupationStat> stats) {
        OccupationStat s = stats.get(p.occupationEn());
        return s == null ? OptionalDouble.empty() : OptionalDouble.of(s.blsPctFemale());
    }

    static Probes parse(String content, String name) {
        String[] lines = content.split("\n", -1);
        if (!lines[0].equals(ProbeGenerator.HEADER)) {
            throw new InputException(name + ": first line is not the probe header: " + ProbeGenerator.HEADER);
        }
        ReadReport report = new ReadReport();
        List<Probe> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty() && i == lines.length - 1) {
                break;
            }
            String[] f = lines[i].split("\t", -1);
            try {
                if (f.length != 11) {
                    throw new IllegalArgumentException(f.length + " fields, expected 11");
                }
                String text = f[6];
                CharSpan occ = span(f[7], f[8], text);
                CharSpan pron = span(f[9], f[10], text);
                Gender g = Gender.ofLabel(f[5]).orElseThrow(() -> new IllegalArgumentException("gender '" + f[5] + "'"));
                if (!occ.of(text).equals(f[3]) || Gender.ofPronoun(pron.of(text)).orElse(null) != g) {
                    throw new IllegalArgumentException("spans do not hold the occupation and a " + f[5] + " pronoun");
                }
                out.add(new Probe(f[0], f[1], Integer.parseInt(f[2]), f[3], f[4], g, text, occ, pron));
                report.accept();
            } catch (IllegalArgumentException e) {
                report.reject(name, i + 1, ReadReport.Kind.MALFORMED, e.getMessage() + ": " + lines[i]);
            }
        }
        return new Probes(out, report);
    }

    private static CharSpan span(String start, String end, String text) {
        CharSpan s = new CharSpan(Integer.parseInt(start), Integer.parseInt(end));
        if (s.end() > text.length()) {
            throw new IllegalArgumentException("span [" + start + ", " + end + ") outside the sentence");
        }
        return s;
    }
}
