package org.attentionatlas.reports;

import org.attentionatlas.reports.html.Html;
import org.attentionatlas.testkit.ReportPages;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Assertions on written figure files. */
public final class FigureChecks {

    private FigureChecks() {
    }

    public static void pngHasSize(Path png, int width, int height) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, png + " does not decode");
        assertEquals(width, img.getWidth(), png + " width");
        assertEquals(height, img.getHeight(), png + " height");
    }

    /**
     * Every hover text of the report's figures (their {@code figures/*.map.js}), each as it would read in an image
     * map, {@code title="…"} with the text HTML-escaped, one per line.
     */
    public static String hoverTitles(Path report) throws Exception {
        StringBuilder out = new StringBuilder();
        for (String text : ReportPages.hoverTexts(report)) {
            out.append("title=\"").append(Html.escape(text)).append("\"\n");
        }
        return out.toString();
    }

    public static Document svgParses(Path svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // never the network
        Document d = f.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", d.getDocumentElement().getLocalName(), svg + " root");
        return d;
    }
}
