package org.attentionatlas.reports.render;

import org.jfree.chart.JFreeChart;

import java.awt.Color;
import java.awt.Font;

/** Shared look of the charts. */
public final class Charts {

    public static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    public static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    public static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    private Charts() {
    }

    public static JFreeChart styled(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(TITLE);
        }
        return chart;
    }
}
