package org.attentionatlas.datasets.bias;

/** The pro- and anti-stereotypical sentences of one WinoBias type that share an id. */
public record WinoBiasPair(int type, int id, WinoBiasSentence pro, WinoBiasSentence anti) {

    /** A key unique across both types, e.g. {@code type1-17}. */
    public String key() {
        return "type" + type + "-" + id;
    }
}
