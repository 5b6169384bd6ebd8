package org.attentionatlas.jobs.bias;

import org.apache.spark.sql.Row;
import org.attentionatlas.datasets.InputException;
import org.attentionatlas.datasets.bias.CrowsPair;
import org.attentionatlas.datasets.bias.CrowsPairsData;
import org.attentionatlas.datasets.bias.CrowsPairsReader;
import org.attentionatlas.datasets.bias.Gender;
import org.attentionatlas.datasets.bias.OccupationStat;
import org.attentionatlas.datasets.bias.Probe;
import org.attentionatlas.datasets.bias.ProbeReader;
import org.attentionatlas.datasets.bias.ReadReport;
import org.attentionatlas.datasets.bias.WinoBiasData;
import org.attentionatlas.datasets.bias.WinoBiasPair;
import org.attentionatlas.datasets.bias.WinoBiasReader;
import org.attentionatlas.datasets.bias.WinoBiasSentence;
import org.attentionatlas.datasets.bias.WinoGenderData;
import org.attentionatlas.datasets.bias.WinoGenderReader;
import org.attentionatlas.datasets.bias.WinoGenderSentence;
import org.attentionatlas.text.CharSpan;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.jobs.common.TableRow;
import org.attentionatlas.udfs.BiasSentence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the requested bias datasets on the driver into sentence rows ({@link BiasSentence#INPUT}), every read
 * problem into {@link Reject}s, and the occupations' % female statistics for the association metric. Male/female
 * pairs whose two sentences tokenize to the same ids (he and she both unknown to the vocabulary) carry no gender
 * signal: they are rejected as SAME_TOKENS.
 */
public final class BiasInputs {

    /** Where the WinoGender statistics live for probes when --stats is not given and --input holds winogender/. */
    static final String WINOGENDER_DIR = "winogender";

    private final BiasConfig config;
    private final LoadedModel model;
    private final boolean maskedLm;
    private final List<Row> rows = new ArrayList<>();
    private final List<Reject> rejects = new ArrayList<>();
    private final Map<String, Map<String, OccupationStat>> stats = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    /** {@code maskedLm}: the model has an MLM head, so CrowS-Pairs can be scored. */
    public BiasInputs(BiasConfig config, LoadedModel model, boolean maskedLm) {
        this.config = config;
        this.model = model;
        this.maskedLm = maskedLm;
    }

    /** Reads every dataset of the config. */
    public BiasInputs read() {
        for (String d : config.datasets()) {
            switch (d) {
                case "winobias" -> winoBias();
                case "winogender" -> winoGender();
                case "probes" -> probes();
                case "crows-pairs" -> crowsPairs();
                default -> throw new IllegalArgumentException("unknown dataset " + d);
            }
        }
        return this;
    }

    public List<Row> rows() {
        return rows;
    }

    public List<Reject> rejects() {
        return rejects;
    }

    /** % female by occupation, per dataset (absent when the dataset has no statistics). */
    public Map<String, Map<String, OccupationStat>> stats() {
        return stats;
    }

    public List<String> notes() {
        return notes;
    }

    private void winoBias() {
        Path in = datasetPath("winobias");
        String split = config.split();
        if (Files.isRegularFile(in)) { // e.g. pro_stereotyped_type1.txt.dev: its folder and split
            String name = in.getFileName().toString();
            split = name.substring(name.lastIndexOf('.') + 1);
            in = in.toAbsolutePath().getParent();
        }
        WinoBiasData data = WinoBiasReader.read(in, split);
        report("winobias", data.report());
        for (WinoBiasPair p : data.pairs()) {
            coref(p, p.pro(), "pro");
            coref(p, p.anti(), "anti");
        }
    }

    private void coref(WinoBiasPair p, WinoBiasSentence s, String variant) {
        add(sentence("winobias", BiasSentence.COREF, p.key(), variant, "type" + p.type(), s.goldOccupation(), s.text(),
                s.file(), s.line()).set("pronoun_start", s.pronoun().start()).set("pronoun_end", s.pronoun().end())
                .set("target_start", s.gold().start()).set("target_end", s.gold().end())
                .set("other_start", s.other().start()).set("other_end", s.other().end()));
    }

    /** One row per pair (masked-LM scores only); skipped with a note when the model has no MLM head. */
    private void crowsPairs() {
        if (!maskedLm) {
            notes.add("crows-pairs: skipped, " + model.provenance().name() + " has no MLM head");
            return;
        }
        CrowsPairsData data = CrowsPairsReader.read(datasetPath("crows_pairs"));
        report("crows-pairs", data.report());
        int every = config.crowsEvery();
        if (every > 1) {
            notes.add("crows-pairs: scoring the pairs whose id is divisible by " + every + " (--crows-every)");
        }
        for (CrowsPair p : data.pairs()) {
            if (p.id() % every == 0) {
                add(sentence("crows-pairs", BiasSentence.CROWS, "crows-" + p.id(),
                        p.antistereo() ? "antistereo" : "stereo", p.bias().label(), "", p.sentMore(),
                        CrowsPairsReader.FILE, p.line()).set("pronoun_start", 0).set("pronoun_end", 1)
                        .set("target_start", 0).set("target_end", 1).set("text2", p.sentLess()));
            }
        }
    }

    private void winoGender() {
        Path in = datasetPath("winogender");
        if (Files.isRegularFile(in)) {
            in = in.toAbsolutePath().getParent();
        }
        WinoGenderData data = WinoGenderReader.read(in);
        report("winogender", data.report());
        stats.put("winogender", data.stats());
        Map<String, WinoGenderSentence[]> byTemplate = new LinkedHashMap<>();
        for (WinoGenderSentence s : data.sentences()) {
            if (s.gender() != Gender.NEUTRAL) {
                byTemplate.computeIfAbsent(s.templateKey(), k -> new WinoGenderSentence[2])[index(s.gender())] = s;
            }
        }
        for (Map.Entry<String, WinoGenderSentence[]> e : byTemplate.entrySet()) {
            WinoGenderSentence[] p = e.getValue();
            if (p[0] == null || p[1] == null) {
                continue; // the reader already reported templates without both genders
            }
            if (sameTokens("winogender", e.getKey(), p[0].text(), p[1].text(), WinoGenderReader.SENTENCES,
                    p[0].line())) {
                continue;
            }
            for (WinoGenderSentence s : p) {
                pronoun("winogender", e.getKey(), s.gender(), "en", s.occupation(), s.text(), s.pronounSpan(),
                        s.occupationSpan(), WinoGenderReader.SENTENCES, s.line());
            }
        }
    }

    private void probes() {
        String input = config.input();
        Path file = input == null ? null : Paths.get(input);
        ProbeReader.Probes probes;
        String name;
        if (file != null && Files.isRegularFile(file) && config.datasets().size() == 1) {
            probes = ProbeReader.read(file);
            name = file.getFileName().toString();
        } else {
            probes = ProbeReader.bundled();
            name = "probes.tsv";
        }
        report("probes", probes.report());
        Map<String, OccupationStat> s = probeStats();
        if (s != null) {
            stats.put("probes", s);
        } else {
            notes.add("probes: no % female statistics (pass --stats WINOGENDER_DIR); occupation association skipped");
        }
        Map<String, Probe[]> bySlot = new LinkedHashMap<>();
        for (Probe p : probes.probes()) {
            bySlot.computeIfAbsent(p.slotKey(), k -> new Probe[2])[index(p.gender())] = p;
        }
        for (Map.Entry<String, Probe[]> e : bySlot.entrySet()) {
            Probe[] p = e.getValue();
            if (p[0] == null || p[1] == null) {
                Probe one = p[0] != null ? p[0] : p[1];
                rejects.add(new Reject("probes", name, 0, "UNPAIRED", "probe " + one.id() + " has no "
                        + (p[0] == null ? "male" : "female") + " counterpart"));
                continue;
            }
            if (sameTokens("probes", p[0].id() + "/" + p[1].id(), p[0].text(), p[1].text(), name, 0)) {
                continue;
            }
            for (Probe q : p) {
                pronoun("probes", e.getKey(), q.gender(), q.lang(), q.occupationEn(), q.text(), q.pronounSpan(),
                        q.occupationSpan(), name, 0);
            }
        }
    }

    /** --stats (a WinoGender folder or its statistics file), else winogender/ under --input, else none. */
    private Map<String, OccupationStat> probeStats() {
        String configured = config.stats();
        Path p = configured != null ? Paths.get(configured)
                : config.input() != null ? Paths.get(config.input()).resolve(WINOGENDER_DIR) : null;
        if (p == null || !Files.exists(p)) {
            if (configured != null) {
                throw new InputException("--stats " + configured + " does not exist");
            }
            return null;
        }
        Path file = Files.isDirectory(p) ? p.resolve(WinoGenderReader.STATS) : p;
        ReadReport r = new ReadReport();
        Map<String, OccupationStat> s = WinoGenderReader.readStats(file, r);
        report("probes", r);
        return s;
    }

    private boolean sameTokens(String dataset, String id, String male, String female, String file, long line) {
        if (!java.util.Arrays.equals(model.encode(male).ids(), model.encode(female).ids())) {
            return false;
        }
        rejects.add(new Reject(dataset, file, line, "SAME_TOKENS", id + ": the male and female sentences tokenize "
                + "to the same ids (pronoun not in the vocabulary): \"" + male + "\" / \"" + female + "\""));
        return true;
    }

    private void pronoun(String dataset, String id, Gender g, String group, String occupation, String text,
                         CharSpan pronoun, CharSpan occupationSpan, String file, long line) {
        add(sentence(dataset, BiasSentence.PRONOUN, id, g == Gender.FEMALE ? "female" : "male", group, occupation,
                text, file, line).set("pronoun_start", pronoun.start()).set("pronoun_end", pronoun.end())
                .set("target_start", occupationSpan.start()).set("target_end", occupationSpan.end()));
    }

    /** A sentence row with no second occupation (other = -1) and no second text until the caller sets them. */
    private TableRow sentence(String dataset, String kind, String id, String variant, String grp, String occupation,
                              String text, String file, long line) {
        return TableRow.of(BiasSentence.INPUT).set("dataset", dataset).set("kind", kind).set("id", id)
                .set("variant", variant).set("grp", grp).set("occupation", occupation).set("text", text)
                .set("file", file).set("line", line).set("other_start", -1).set("other_end", -1).set("text2", null);
    }

    /** Adds {@code sentence} with its position in the input ({@code seq}). */
    private void add(TableRow sentence) {
        rows.add(sentence.set("seq", rows.size()).row());
    }

    private void report(String dataset, ReadReport r) {
        for (ReadReport.Issue i : r.issues()) {
            rejects.add(new Reject(dataset, i.file(), i.line(), i.kind().name(), i.reason()));
        }
    }

    /** The dataset's folder: {@code --input/<name>} when --input holds it, else --input itself. */
    private Path datasetPath(String name) {
        Path in = Paths.get(config.input());
        Path sub = in.resolve(name);
        Path resolved = Files.isDirectory(sub) ? sub : in;
        if (!Files.exists(resolved)) {
            throw new InputException("input " + resolved.toAbsolutePath() + " does not exist");
        }
        return resolved;
    }

    private static int index(Gender g) {
        return g == Gender.FEMALE ? 1 : 0;
    }
}
