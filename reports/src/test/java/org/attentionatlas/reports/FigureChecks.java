package org.attentionatlas.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.attentionatlas.reports.html.Html;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

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
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(report.resolve("figures"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".map.js")).sorted().toList()) {
                String js = Files.readString(f);
                JsonNode areas = json.readTree(js.substring(js.indexOf(",[") + 1, js.lastIndexOf(')')));
                for (JsonNode a : areas) {
                    out.append("title=\"").append(Html.escape(a.get(2).asText())).append("\"\n");
                }
            }
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
