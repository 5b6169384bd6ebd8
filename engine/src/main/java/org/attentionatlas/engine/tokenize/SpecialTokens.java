package org.attentionatlas.engine.tokenize;

/** Ids of a vocabulary's special tokens; -1 where the vocabulary has none. */
public record SpecialTokens(int pad, int unk, int cls, int sep, int mask) {
}
