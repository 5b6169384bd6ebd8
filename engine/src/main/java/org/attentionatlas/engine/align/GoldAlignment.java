package org.attentionatlas.engine.align;

import java.util.Set;
import java.util.TreeSet;

/**
 * The gold links of one sentence pair: {@code sure} (S) and {@code possible} (P), with S ⊆ P as Och &amp; Ney define
 * them (every sure link is also possible).
 */
public record GoldAlignment(Set<Link> sure, Set<Link> possible) {

    public GoldAlignment {
        Set<Link> p = new TreeSet<>(possible);
        p.addAll(sure);
        sure = Set.copyOf(sure);
        possible = Set.copyOf(p);
    }

    /** Gold from sure links and the links marked only possible ({@code ipj}); P becomes their union. */
    public static GoldAlignment of(Set<Link> sure, Set<Link> possibleOnly) {
        return new GoldAlignment(sure, possibleOnly);
    }
}
