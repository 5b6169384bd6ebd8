package org.attentionatlas.engine.align;

import java.util.Set;
import java.util.TreeSet;

/** One word alignment link: 0-based word indices into the source and the target sentence. */
public record Link(int src, int tgt) implements Comparable<Link> {

    /** Links from flat index pairs {@code [s0, t0, s1, t1, …]}, in order. */
    public static Set<Link> ofFlat(int[] flat) {
        Set<Link> out = new TreeSet<>();
        for (int i = 0; i + 1 < flat.length; i += 2) {
            out.add(new Link(flat[i], flat[i + 1]));
        }
        return out;
    }

    /** Links from text as {@link #toString} writes them: "i-j" items separated by spaces ("" is none). */
    public static Set<Link> parseAll(String text) {
        Set<Link> out = new TreeSet<>();
        for (String item : text.trim().split(" +")) {
            if (!item.isEmpty()) {
                int dash = item.indexOf('-');
                if (dash < 1) {
                    throw new IllegalArgumentException("not a link 'i-j': '" + item + "'");
                }
                out.add(new Link(Integer.parseInt(item.substring(0, dash)),
                        Integer.parseInt(item.substring(dash + 1))));
            }
        }
        return out;
    }

    @Override
    public int compareTo(Link o) {
        return src != o.src ? Integer.compare(src, o.src) : Integer.compare(tgt, o.tgt);
    }

    @Override
    public String toString() {
        return src + "-" + tgt;
    }
}
