package org.attentionatlas.reports;

import org.attentionatlas.reports.data.HeadGroup;
import org.attentionatlas.reports.html.HtmlReport;

/** The names the report gives its per-group figures and sections, so that findings can link to them beforehand. */
final class Anchors {

    private Anchors() {
    }

    static String key(HeadGroup g) {
        return g.model() + "-" + g.revision() + "-" + g.dataset() + "-" + g.language();
    }

    /** The small multiples of every statistic of a group. */
    static String statistics(HeadGroup g) {
        return HtmlReport.anchor(key(g) + "-statistics");
    }

    static String roles(HeadGroup g) {
        return HtmlReport.anchor(key(g) + "-roles");
    }

    static String proximal(HeadGroup g) {
        return HtmlReport.anchor(key(g) + "-proximal");
    }

    static final String GROUPS_HEADING = "Result groups";

    /** The overview's table of groups with their sample sizes. */
    static String overviewGroups() {
        return HtmlReport.anchor("sec-" + GROUPS_HEADING);
    }

    /** The section comparing the languages of one model revision and dataset. */
    static String languagesHeading(HeadGroup first) {
        return "Languages compared — " + first.model() + " @ " + first.revision() + ", " + first.dataset();
    }

    static String languages(HeadGroup first) {
        return HtmlReport.anchor("sec-" + languagesHeading(first));
    }

    static String releaseHeading(String otherSource, String baseSource) {
        return "Release diff: " + otherSource + " against " + baseSource;
    }

    static String release(String otherSource, String baseSource) {
        return HtmlReport.anchor("sec-" + releaseHeading(otherSource, baseSource));
    }
}
