package org.attentionatlas.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The corpus the project ships: {@code corpora/bundled.jsonl} on the class path, written by {@link CorpusGenerator}. */
public final class BundledCorpus {

    /** Class-path resource of the bundled corpus (JSONL with id, lang, text). */
    public static final String RESOURCE = "corpora/bundled.jsonl";
    /** The dataset name results carry when the bundled corpus is the input. */
    public static final String DATASET = "bundled";

    private BundledCorpus() {
    }

    /** The committed JSONL text, exactly as stored. */
    public static String jsonl() {
        try (InputStream in = BundledCorpus.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents of the bundled corpus, in file order. */
    public static List<CorpusDocument> documents() {
        ObjectMapper json = new ObjectMapper();
        List<CorpusDocument> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new java.io.ByteArrayInputStream(jsonl().getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isEmpty()) {
                    JsonNode n = json.readTree(line);
                    out.add(new CorpusDocument(n.get("id").asText(), n.get("lang").asText(), n.get("text").asText()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
