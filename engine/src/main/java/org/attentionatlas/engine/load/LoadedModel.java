package org.attentionatlas.engine.load;

import org.attentionatlas.engine.config.ModelConfig;
import org.attentionatlas.engine.model.Transformer;
import org.attentionatlas.engine.tokenize.Encoding;
import org.attentionatlas.engine.tokenize.TextInput;
import org.attentionatlas.engine.tokenize.TextTokenizer;

/** A model ready to run: its runtime, its tokenizer (absent for checkpoints that ship none) and its provenance. */
public final class LoadedModel implements AutoCloseable {

    private final ModelProvenance provenance;
    private final Transformer transformer;
    private final TextTokenizer tokenizer;

    public LoadedModel(ModelProvenance provenance, Transformer transformer, TextTokenizer tokenizer) {
        this.provenance = provenance;
        this.transformer = transformer;
        this.tokenizer = tokenizer;
    }

    public ModelProvenance provenance() {
        return provenance;
    }

    public ModelConfig config() {
        return transformer.config();
    }

    public Transformer transformer() {
        return transformer;
    }

    public TextTokenizer tokenizer() {
        if (tokenizer == null) {
            throw new IllegalStateException("model '" + provenance.name() + "' has no tokenizer (no tokenizer.json or "
                    + "vocab.txt in " + provenance.source() + "); pass token ids instead of text");
        }
        return tokenizer;
    }

    public boolean hasTokenizer() {
        return tokenizer != null;
    }

    /** Tokenizes one text and checks it fits the model; long texts must be windowed first (see {@code Windows}). */
    public Encoding encode(String text) {
        Encoding e = tokenizer().encode(TextInput.requireText(text));
        int max = config().maxTokens();
        if (e.length() > max) {
            throw new IllegalArgumentException("text of " + e.length() + " tokens is longer than the " + max
                    + " positions of model '" + provenance.name() + "'; split it, or let the audit job window it "
                    + "(--max-length/--stride): \"" + abbreviate(text) + "\"");
        }
        return e;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    @Override
    public void close() {
        transformer.close();
        if (tokenizer != null) {
            tokenizer.close();
        }
    }
}
