package org.attentionatlas.engine.align;

/** One word alignment link: 0-based word indices into the source and the target sentence. */
public record Link(int src, int tgt) implements Comparable<Link> {

    @Override
    public int compareTo(Link o) {
        return src != o.src ? Integer.compare(src, o.src) : Integer.compare(tgt, o.tgt);
    }

    @Override
    public String toString() {
        return src + "-" + tgt;
    }
}
