package org.attentionatlas.engine.importance;

import java.util.List;

/** Masked-LM loss and accuracy as more of the least important heads are removed, fractions ascending from 0. */
public record PruningCurve(List<Point> points) {

    /** One point: the fraction of heads pruned, how many that is, the loss (nats per masked token) and accuracy. */
    public record Point(double fraction, int headsPruned, double loss, double accuracy) {
    }

    public PruningCurve {
        points = List.copyOf(points);
        if (points.isEmpty() || points.get(0).headsPruned() != 0) {
            throw new IllegalArgumentException("a pruning curve starts at 0 heads pruned");
        }
    }

    /**
     * The most heads pruned, among the curve's points, before accuracy first falls more than {@code drop} (a fraction:
     * 0.01 for one point) below the unpruned model's.
     */
    public int headsBeforeAccuracyDrop(double drop) {
        double floor = points.get(0).accuracy() - drop;
        int heads = 0;
        for (Point p : points) {
            if (p.accuracy() < floor) {
                break;
            }
            heads = p.headsPruned();
        }
        return heads;
    }
}
