package org.attentionatlas.web;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The most recent runs, by id, within a budget of attention values: a 500-token MiniLM run holds 18 M floats
 * (72 MB), so the least recently used runs are forgotten once the total passes the budget (the newest always stays).
 */
public final class RunStore {

    private final Map<String, Run> runs = new LinkedHashMap<>(16, 0.75f, true);
    private final long maxValues;
    private long values;

    public RunStore(long maxValues) {
        this.maxValues = maxValues;
    }

    public static String newId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    static long size(Run r) {
        return (long) r.layers() * r.heads() * r.tokenCount() * r.tokenCount();
    }

    public synchronized void put(Run run) {
        runs.put(run.id(), run);
        values += size(run);
        Iterator<Run> oldest = runs.values().iterator();
        while (values > maxValues && runs.size() > 1) {
            Run r = oldest.next();
            oldest.remove();
            values -= size(r);
        }
    }

    public synchronized Run require(String id) {
        Run r = id == null ? null : runs.get(id);
        if (r == null) {
            throw new ApiError(404, "no run '" + (id == null ? "" : Params.clip(id))
                    + "'; it may have expired — run the text again");
        }
        return r;
    }
}
