package org.attentionatlas.web;

import org.attentionatlas.engine.align.Link;

import java.util.Set;
import java.util.TreeSet;

/**
 * The layer and head whose attention a pair view shows ({@code head} {@link PairInference#MEAN}: the layer's head
 * average, "mean"), and the layer of its similarity links (0 = embeddings).
 */
record PairChoice(int layer, int head, int simLayer) {

    static PairChoice of(PairInference pair, String layer, String head, String simLayer) {
        return new PairChoice(Params.intIn("layer", layer, 0, pair.layers() - 1, 0),
                "mean".equals(head) ? PairInference.MEAN : Params.intIn("head", head, 0, pair.heads() - 1, 0),
                Params.intIn("simLayer", simLayer, 0, pair.layers(), pair.defaultSimilarityLayer()));
    }

    /** The head as the API writes it: its number, or "mean". */
    Object headLabel() {
        return head == PairInference.MEAN ? "mean" : head;
    }

    Set<Link> similarity(PairInference pair) {
        return new TreeSet<>(pair.similarity().get(simLayer));
    }

    String title(PairInference pair) {
        return pair.model() + " — layer " + layer + (head == PairInference.MEAN ? " heads averaged" : " head " + head)
                + " source→target; similarity at layer " + simLayer;
    }
}
