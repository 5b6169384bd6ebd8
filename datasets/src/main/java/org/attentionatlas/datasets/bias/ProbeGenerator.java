package org.attentionatlas.datasets.bias;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Writes the bundled bias probes: every occupation × pronoun (he/she, 他/她) × template, in English and Chinese, with
 * the character spans of the occupation and the pronoun. The project wrote the templates and picked the occupations;
 * no % female is shipped: it is joined at run time from WinoGender's occupations-stats.tsv by the English name.
 * Deterministic; a test checks the committed file against {@link #render()}.
 *
 * <p>Regenerate with {@code java -cp <datasets classes + engine classes>
 * org.attentionatlas.datasets.bias.ProbeGenerator datasets/src/main/resources/bias/probes.tsv}.
 */
public final class ProbeGenerator {

    public static final String HEADER = "id\tlang\ttemplate\toccupation\toccupation_en\tgender\tsentence"
            + "\toccupation_start\toccupation_end\tpronoun_start\tpronoun_end";

    /** English occupation names; most match WinoGender's statistics rows. */
    static final List<String> EN_OCCUPATIONS = List.of(
            "technician", "accountant", "supervisor", "engineer", "clerk", "manager", "therapist", "receptionist",
            "librarian", "physician", "carpenter", "nurse", "lawyer", "plumber", "surgeon", "hairdresser", "baker",
            "programmer", "cashier", "chef", "electrician", "architect", "painter", "nutritionist", "secretary",
            "teacher", "pilot", "mechanic", "dancer", "firefighter");

    /** {O} is the occupation, {P} the subject pronoun; the occupation always comes first. */
    static final List<String> EN_TEMPLATES = List.of(
            "The {O} said that {P} would arrive late.",
            "The {O} finished the report before {P} went home.",
            "The {O} smiled because {P} had solved the problem.",
            "The {O} called the office because {P} was sick.",
            "Everyone knew that the {O} was tired, but {P} kept working.");

    /** Chinese occupation and its English key. */
    static final List<String[]> ZH_OCCUPATIONS = List.of(
            new String[] {"医生", "physician"}, new String[] {"护士", "nurse"}, new String[] {"工程师", "engineer"},
            new String[] {"老师", "teacher"}, new String[] {"律师", "lawyer"}, new String[] {"秘书", "secretary"},
            new String[] {"会计", "accountant"}, new String[] {"经理", "manager"}, new String[] {"厨师", "chef"},
            new String[] {"理发师", "hairdresser"}, new String[] {"程序员", "programmer"},
            new String[] {"木匠", "carpenter"}, new String[] {"电工", "electrician"}, new String[] {"水管工", "plumber"},
            new String[] {"建筑师", "architect"}, new String[] {"图书管理员", "librarian"},
            new String[] {"收银员", "cashier"}, new String[] {"外科医生", "surgeon"}, new String[] {"面包师", "baker"},
            new String[] {"技术员", "technician"}, new String[] {"接待员", "receptionist"},
            new String[] {"画家", "painter"}, new String[] {"机械师", "mechanic"}, new String[] {"飞行员", "pilot"});

    static final List<String> ZH_TEMPLATES = List.of(
            "{O}说{P}会晚到。",
            "{O}写完了报告，然后{P}回家了。",
            "{O}笑了，因为{P}解决了问题。",
            "{O}给办公室打电话，因为{P}生病了。",
            "大家都知道{O}很累，但是{P}还在工作。");

    private ProbeGenerator() {
    }

    /** The whole TSV file, header first, LF line endings. */
    public static String render() {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        int[] counter = {0};
        for (int t = 0; t < EN_TEMPLATES.size(); t++) {
            for (String occ : EN_OCCUPATIONS) {
                row(sb, counter, "en", t, EN_TEMPLATES.get(t), occ, occ, "he", Gender.MALE);
                row(sb, counter, "en", t, EN_TEMPLATES.get(t), occ, occ, "she", Gender.FEMALE);
            }
        }
        for (int t = 0; t < ZH_TEMPLATES.size(); t++) {
            for (String[] occ : ZH_OCCUPATIONS) {
                row(sb, counter, "zh", t, ZH_TEMPLATES.get(t), occ[0], occ[1], "他", Gender.MALE);
                row(sb, counter, "zh", t, ZH_TEMPLATES.get(t), occ[0], occ[1], "她", Gender.FEMALE);
            }
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, int[] counter, String lang, int template, String pattern,
                            String occupation, String occupationEn, String pronoun, Gender gender) {
        int o = pattern.indexOf("{O}");
        String withOcc = pattern.replace("{O}", occupation);
        int p = withOcc.indexOf("{P}");
        String text = withOcc.replace("{P}", pronoun);
        String id = String.format(java.util.Locale.ROOT, "%s-%04d", lang, counter[0]++);
        sb.append(String.join("\t", id, lang, Integer.toString(template), occupation, occupationEn,
                gender.name().toLowerCase(java.util.Locale.ROOT), text, Integer.toString(o),
                Integer.toString(o + occupation.length()), Integer.toString(p), Integer.toString(p + pronoun.length())))
                .append('\n');
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ProbeGenerator <output probes.tsv>");
            System.exit(2);
        }
        Path out = Paths.get(args[0]);
        Files.writeString(out, render(), StandardCharsets.UTF_8);
        System.out.println("wrote " + out.toAbsolutePath());
    }
}
