package org.attentionatlas.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes the bundled corpus: pronoun-resolution sentences built from templates and occupations, plain occupation
 * sentences, hand-written sentences in five languages and one long generated narrative (several thousand tokens).
 * Deterministic: the same code always writes the same bytes, and a test checks the committed file against it.
 *
 * <p>Regenerate with {@code java -cp <datasets classes + jackson> org.attentionatlas.datasets.CorpusGenerator
 * datasets/src/main/resources/corpora/bundled.jsonl}.
 */
public final class CorpusGenerator {

    static final String[] OCCUPATIONS = {
        "doctor", "nurse", "engineer", "teacher", "lawyer", "secretary", "mechanic", "librarian", "pilot",
        "baker", "surgeon", "receptionist", "carpenter", "hairdresser", "scientist", "cashier", "firefighter",
        "dancer", "programmer", "housekeeper", "farmer", "editor", "plumber", "designer"
    };

    /** {0} and {1} are occupations, {2} an object pronoun, {3} a subject pronoun, {4} a possessive. */
    static final String[] PRONOUN_TEMPLATES = {
        "The {0} asked the {1} to help {2} with the report.",
        "The {0} called the {1} because {3} needed advice.",
        "The {0} thanked the {1} after {3} finished the work.",
        "The {0} told the {1} that {3} would arrive late.",
        "The {0} lent the {1} {4} car for the weekend.",
        "The {0} waited for the {1} until {3} came back.",
        "The {0} gave the {1} a book because {3} liked reading.",
        "The {0} warned the {1} that {4} plan was risky."
    };

    static final String[][] PRONOUNS = {
        {"her", "she", "her"}, {"him", "he", "his"}, {"them", "they", "their"}
    };

    static final String[] OCCUPATION_TEMPLATES = {
        "The {0} finished the work before noon.",
        "Everyone agreed that the {0} had done a careful job.",
        "Yesterday the {0} explained the problem to a large audience."
    };

    static final String[][] MULTILINGUAL = {
        {"en", "The river rose after three days of heavy rain."},
        {"en", "She folded the letter twice and put it in her coat."},
        {"en", "A small bakery on the corner sells bread until midnight."},
        {"en", "The committee postponed its decision until next spring."},
        {"en", "He could not remember where he had parked the bicycle."},
        {"en", "Most of the students finished the exam early."},
        {"en", "The old bridge was closed for repairs during the summer."},
        {"en", "They planted apple trees along the northern fence."},
        {"en", "The museum opens a new exhibition about ancient maps."},
        {"en", "After the storm, the village had no electricity for two days."},
        {"en", "The children built a tower of wooden blocks on the floor."},
        {"en", "Please send the signed contract before Friday."},
        {"zh", "今天早上下了一场大雨，街上的人很少。"},
        {"zh", "我的妹妹在图书馆里读了一整天的书。"},
        {"zh", "这家小饭馆的面条非常好吃。"},
        {"zh", "老师让学生们明天带一本字典来上课。"},
        {"zh", "他每天骑自行车去公司上班。"},
        {"zh", "春天来了，公园里的花都开了。"},
        {"zh", "我们打算下个月去海边旅行。"},
        {"zh", "这座桥已经有三百多年的历史了。"},
        {"zh", "医生建议他多喝水，早点休息。"},
        {"zh", "孩子们在院子里踢足球，玩得很开心。"},
        {"zh", "火车因为大雪晚点了两个小时。"},
        {"zh", "她把信折好，放进了口袋里。"},
        {"fr", "La rivière a monté après trois jours de pluie."},
        {"fr", "Elle a plié la lettre et l'a mise dans sa poche."},
        {"fr", "Une petite boulangerie vend du pain jusqu'à minuit."},
        {"fr", "Le comité a reporté sa décision au printemps prochain."},
        {"fr", "Il ne se souvenait plus où il avait garé son vélo."},
        {"fr", "La plupart des élèves ont terminé l'examen en avance."},
        {"fr", "Le vieux pont était fermé pendant tout l'été."},
        {"fr", "Ils ont planté des pommiers le long de la clôture."},
        {"fr", "Le musée présente une nouvelle exposition sur les cartes anciennes."},
        {"fr", "Après la tempête, le village est resté deux jours sans électricité."},
        {"fr", "Les enfants ont construit une tour avec des cubes en bois."},
        {"fr", "Merci d'envoyer le contrat signé avant vendredi."},
        {"de", "Der Fluss stieg nach drei Tagen starken Regens."},
        {"de", "Sie faltete den Brief und steckte ihn in ihre Manteltasche."},
        {"de", "Eine kleine Bäckerei an der Ecke verkauft Brot bis Mitternacht."},
        {"de", "Der Ausschuss verschob seine Entscheidung auf das nächste Frühjahr."},
        {"de", "Er wusste nicht mehr, wo er das Fahrrad abgestellt hatte."},
        {"de", "Die meisten Schüler waren früh mit der Prüfung fertig."},
        {"de", "Die alte Brücke war den ganzen Sommer über gesperrt."},
        {"de", "Sie pflanzten Apfelbäume entlang des nördlichen Zauns."},
        {"de", "Das Museum zeigt eine neue Ausstellung über alte Landkarten."},
        {"de", "Nach dem Sturm hatte das Dorf zwei Tage lang keinen Strom."},
        {"de", "Die Kinder bauten einen Turm aus Holzklötzen."},
        {"de", "Bitte schicken Sie den unterschriebenen Vertrag bis Freitag."},
        {"es", "El río creció después de tres días de lluvia intensa."},
        {"es", "Ella dobló la carta y la guardó en el bolsillo del abrigo."},
        {"es", "Una pequeña panadería de la esquina vende pan hasta la medianoche."},
        {"es", "El comité aplazó su decisión hasta la próxima primavera."},
        {"es", "No recordaba dónde había dejado la bicicleta."},
        {"es", "La mayoría de los estudiantes terminó el examen temprano."},
        {"es", "El viejo puente estuvo cerrado durante todo el verano."},
        {"es", "Plantaron manzanos a lo largo de la cerca del norte."},
        {"es", "El museo inaugura una nueva exposición sobre mapas antiguos."},
        {"es", "Después de la tormenta, el pueblo pasó dos días sin electricidad."},
        {"es", "Los niños construyeron una torre con bloques de madera."},
        {"es", "Por favor, envíe el contrato firmado antes del viernes."}
    };

    static final String[] NARRATIVE_PEOPLE = {
        "the keeper", "the young sailor", "the baker's daughter", "the old fisherman", "the schoolteacher",
        "the doctor from the mainland", "the ferry captain", "the keeper's brother"
    };
    static final String[] NARRATIVE_PLACES = {
        "the lighthouse", "the harbour", "the narrow beach", "the village square", "the cliff path",
        "the boathouse", "the chapel on the hill", "the market hall"
    };
    static final String[] NARRATIVE_ACTIONS = {
        "walked slowly towards", "hurried back to", "watched the storm from", "repaired the roof of",
        "carried a lantern to", "waited in silence near", "painted a picture of", "wrote a long letter about"
    };
    static final String[] NARRATIVE_TIMES = {
        "Before dawn", "Late in the afternoon", "On the third night", "When the tide turned",
        "After the bells rang", "In the grey morning", "Just before supper", "Long after midnight"
    };
    static final String[] NARRATIVE_REFLECTIONS = {
        "Nobody in the village knew why the light had failed that winter.",
        "The wind carried the smell of salt and tar across the rooftops.",
        "It was the kind of silence that made every footstep sound important.",
        "Somewhere below, the waves kept counting the hours against the rocks.",
        "A gull circled twice and then settled on the chimney.",
        "The letters from the mainland had stopped arriving in October.",
        "Everyone remembered the year the harbour froze, although few spoke of it.",
        "The clock in the kitchen was always seven minutes late."
    };

    /** Sentences in the long narrative; about 16 tokens each, so several thousand tokens in all. */
    static final int NARRATIVE_SENTENCES = 320;
    static final long NARRATIVE_SEED = 20261125L;

    private CorpusGenerator() {
    }

    public static List<CorpusDocument> documents() {
        List<CorpusDocument> out = new ArrayList<>();
        int n = 0;
        for (int t = 0; t < PRONOUN_TEMPLATES.length; t++) {
            for (int i = 0; i < OCCUPATIONS.length; i++) {
                String a = OCCUPATIONS[i];
                String b = OCCUPATIONS[(i * 5 + t * 3 + 1) % OCCUPATIONS.length];
                if (a.equals(b)) {
                    b = OCCUPATIONS[(i + 1) % OCCUPATIONS.length];
                }
                String[] p = PRONOUNS[(i + t) % PRONOUNS.length];
                String text = fill(PRONOUN_TEMPLATES[t], a, b, p[0], p[1], p[2]);
                out.add(new CorpusDocument(String.format("pron-%04d", ++n), "en", text));
            }
        }
        n = 0;
        for (String template : OCCUPATION_TEMPLATES) {
            for (String occupation : OCCUPATIONS) {
                out.add(new CorpusDocument(String.format("occ-%04d", ++n), "en", fill(template, occupation)));
            }
        }
        Map<String, Integer> perLang = new LinkedHashMap<>();
        for (String[] s : MULTILINGUAL) {
            int k = perLang.merge(s[0], 1, Integer::sum);
            out.add(new CorpusDocument(String.format("ml-%s-%03d", s[0], k), s[0], s[1]));
        }
        out.add(new CorpusDocument("long-0001", "en", narrative()));
        return out;
    }

    /** A long, generated English narrative: one paragraph per eight sentences, deterministic from a fixed seed. */
    static String narrative() {
        Random r = new Random(NARRATIVE_SEED);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < NARRATIVE_SENTENCES; i++) {
            if (i > 0) {
                sb.append(i % 8 == 0 ? "\n\n" : " ");
            }
            if (r.nextInt(4) == 0) {
                sb.append(NARRATIVE_REFLECTIONS[r.nextInt(NARRATIVE_REFLECTIONS.length)]);
            } else {
                String who = NARRATIVE_PEOPLE[r.nextInt(NARRATIVE_PEOPLE.length)];
                sb.append(NARRATIVE_TIMES[r.nextInt(NARRATIVE_TIMES.length)]).append(", ").append(who).append(' ')
                        .append(NARRATIVE_ACTIONS[r.nextInt(NARRATIVE_ACTIONS.length)]).append(' ')
                        .append(NARRATIVE_PLACES[r.nextInt(NARRATIVE_PLACES.length)]).append('.');
            }
        }
        return sb.toString();
    }

    private static String fill(String template, String... values) {
        String s = template;
        for (int i = 0; i < values.length; i++) {
            s = s.replace("{" + i + "}", values[i]);
        }
        return s;
    }

    /** The JSONL text: one {@code {"id":…,"lang":…,"text":…}} object per line, each line ending in a newline. */
    public static String jsonl() {
        ObjectMapper json = new ObjectMapper();
        StringBuilder sb = new StringBuilder();
        for (CorpusDocument d : documents()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("id", d.id());
            row.put("lang", d.lang());
            row.put("text", d.text());
            try {
                sb.append(json.writeValueAsString(row)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return sb.toString();
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: CorpusGenerator OUTPUT.jsonl");
            System.exit(2);
        }
        Path out = Paths.get(args[0]);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, jsonl(), StandardCharsets.UTF_8);
        System.out.println("wrote " + documents().size() + " documents to " + out.toAbsolutePath());
    }
}
