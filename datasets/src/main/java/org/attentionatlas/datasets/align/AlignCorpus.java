package org.attentionatlas.datasets.align;

import java.util.List;

/**
 * What an alignment input holds: the language pair (from the file name), the usable pairs, and every rejected line
 * or link item.
 */
public record AlignCorpus(String languagePair, boolean gold, List<AlignedPair> pairs, List<AlignReject> rejects) {

    public AlignCorpus {
        pairs = List.copyOf(pairs);
        rejects = List.copyOf(rejects);
    }
}
