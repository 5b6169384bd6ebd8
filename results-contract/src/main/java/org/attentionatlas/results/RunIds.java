package org.attentionatlas.results;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Run ids that sort by start time (the latest committed run is the greatest committed id) and never look like
 * numbers: {@code 20261125T173012Z-3fa9c1}.
 */
public final class RunIds {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {
    }

    public static String next(Instant start) {
        return FORMAT.format(start) + "-" + String.format("%06x", RANDOM.nextInt(1 << 24));
    }
}
