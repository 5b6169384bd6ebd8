package org.attentionatlas.reports.figures;

import org.attentionatlas.engine.align.Link;
import org.attentionatlas.reports.data.AlignExample;
import org.attentionatlas.reports.figures.AlignmentMatrices.Cell;
import org.attentionatlas.reports.figures.AlignmentMatrices.Gold;
import org.attentionatlas.reports.render.Caption;
import org.attentionatlas.reports.render.Charts;
import org.attentionatlas.reports.render.HotSpot;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Alignment matrices of hand-made pairs: the cell states, and the pixels they are drawn with. */
class AlignmentMatricesTest {

    /**
     * 4 × 4 words; predicted 0-0 1-2 3-3; gold sure 0-0 1-1, possible-only 2-2 3-3. So 0-0 is filled and outlined solid,
     * 1-1 only outlined solid, 1-2 only filled, 2-2 only dashed, 3-3 filled and dashed, the rest empty.
     */
    static AlignExample example() {
        return new AlignExample("run-a", "mbert-cased", "r1", "enfr", "enfr.src-tgt", 7, "softmax", 8,
                List.of("the", "house", "is", "small"), List.of("la", "maison", "est", "petite"),
                Link.parseAll("0-0 1-2 3-3"), Link.parseAll("0-0 1-1"), Link.parseAll("2-2 3-3"));
    }

    @Test
    void cellsCombinePredictionAndGold() {
        Cell[][] c = AlignmentMatrices.cells(example());
        assertEquals(4, c.length);
        assertEquals(new Cell(true, Gold.SURE), c[0][0]);
        assertEquals(new Cell(false, Gold.SURE), c[1][1]);
        assertEquals(new Cell(true, Gold.NONE), c[1][2]);
        assertEquals(new Cell(false, Gold.POSSIBLE), c[2][2]);
        assertEquals(new Cell(true, Gold.POSSIBLE), c[3][3]);
        int empty = 0;
        for (Cell[] row : c) {
            for (Cell cell : row) {
                empty += cell.equals(new Cell(false, Gold.NONE)) ? 1 : 0;
            }
        }
        assertEquals(16 - 5, empty);
        // sentence AER: |A| = 3, |S| = 2, |A∩S| = 1 (0-0), |A∩P| = 2 (0-0, 3-3) → 1 − 3/5
        assertEquals(0.4, example().aer(), 1e-12);
    }

    @Test
    void filledCellsArePredictedSolidOutlinesSureDashedOutlinesPossible() {
        AlignmentMatrices f = new AlignmentMatrices("t", List.of(example(), example()), new Caption("run-a",
                "mbert-cased", "r1", "SELECT 1", "2 sentence pairs"));
        BufferedImage img = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, f.width(), f.height());
        List<HotSpot> spots = f.draw(g);
        g.dispose();
        for (int panel = 0; panel < 2; panel++) {
            assertEquals(AlignmentMatrices.PREDICTED.getRGB(), center(img, f.cellBounds(panel, 0, 0)));
            assertEquals(AlignmentMatrices.PREDICTED.getRGB(), center(img, f.cellBounds(panel, 1, 2)));
            assertEquals(AlignmentMatrices.PREDICTED.getRGB(), center(img, f.cellBounds(panel, 3, 3)));
            assertEquals(Color.WHITE.getRGB(), center(img, f.cellBounds(panel, 1, 1)));
            assertEquals(Color.WHITE.getRGB(), center(img, f.cellBounds(panel, 2, 2)));
            assertEquals(Color.WHITE.getRGB(), center(img, f.cellBounds(panel, 2, 1)));
            assertEquals(1.0, darkOnOutline(img, f.cellBounds(panel, 1, 1)), "sure: a solid outline");
            assertEquals(0.0, darkOnOutline(img, f.cellBounds(panel, 1, 2)), "predicted only: no outline");
            double dashed = darkOnOutline(img, f.cellBounds(panel, 2, 2));
            assertTrue(dashed > 0.3 && dashed < 0.9, "possible: a dashed outline, " + dashed);
        }
        assertEquals(2 * 5, spots.size(), "hover text on every predicted or gold cell");
        assertTrue(spots.stream().anyMatch(s -> s.title().equals("house – est: predicted, not in gold")));
        assertTrue(spots.stream().anyMatch(s -> s.title().equals("is – est: not predicted, gold possible")));
    }

    @Test
    void wordsTheFontCannotDrawAreLabelledByIndex() {
        assertEquals("maison", AlignmentMatrices.label(List.of("la", "maison"), 1));
        boolean drawable = Charts.LABEL.canDisplayUpTo("我") == -1; // CJK fonts are often missing on servers
        assertEquals(drawable ? "我" : "#1", AlignmentMatrices.label(List.of("我", "爱"), 0));
    }

    private static int center(BufferedImage img, Rectangle r) {
        return img.getRGB(r.x + r.width / 2, r.y + r.height / 2);
    }

    /** The share of dark pixels along the top edge of the gold outline (3 px inside the cell). */
    private static double darkOnOutline(BufferedImage img, Rectangle r) {
        int dark = 0;
        int n = 0;
        for (int x = r.x + 4; x < r.x + r.width - 4; x++) {
            Color c = new Color(img.getRGB(x, r.y + 3));
            dark += c.getRed() + c.getGreen() + c.getBlue() < 200 ? 1 : 0;
            n++;
        }
        return (double) dark / n;
    }
}
