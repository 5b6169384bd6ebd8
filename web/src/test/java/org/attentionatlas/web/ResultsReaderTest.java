package org.attentionatlas.web;

import org.attentionatlas.results.AuditTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a statistic may name comes from the results contract, not from what the folder holds. */
class ResultsReaderTest {

    @TempDir
    Path dir;

    @Test
    void withNoResultsAnInvalidStatisticIsStillABadRequestAndAValidOneIsEmpty() {
        ResultsReader reader = new ResultsReader(dir.resolve("no-such-folder"));
        assertEquals(AuditTables.statisticColumns(), reader.statistics());
        assertTrue(reader.statistics().contains("entropy_mean") && reader.statistics().contains("local8_mass"));
        ApiError e = assertThrows(ApiError.class, () -> reader.heads("entropy", null, null));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().startsWith("unknown statistic 'entropy'; one of [entropy_mean, "), e.getMessage());
        assertEquals(List.of(), reader.heads("entropy_mean", null, null));
        assertEquals(List.of(), reader.runs());
    }
}
