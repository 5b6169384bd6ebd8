package org.attentionatlas.jobs.audit;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.attentionatlas.jobs.common.ResultStore;
import org.attentionatlas.jobs.testing.Audits;
import org.attentionatlas.jobs.testing.SharedSpark;
import org.attentionatlas.results.AuditTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A folder of .txt files (one document per file), Parquet and CSV with id and language columns. */
class InputFormatsTest {

    @TempDir
    Path dir;

    @Test
    void folderOfTextFilesGivesOneDocumentPerFile() throws Exception {
        Path texts = Files.createDirectories(dir.resolve("texts"));
        Files.writeString(texts.resolve("a.txt"), "The first file.\nIt has two lines.\n");
        Files.writeString(texts.resolve("b.txt"), "The second file.");
        Files.writeString(texts.resolve("notes.md"), "not a text file");
        RunSummary s = Audits.run(texts, dir.resolve("out"), "--language", "en");
        assertEquals(2, s.documentsRead());
        assertEquals(2, s.documentsNew());
        Row run = new ResultStore(SharedSpark.get(), dir.resolve("out").toString()).table(AuditTables.RUNS).first();
        assertEquals("txt-dir", run.getAs("input_format"));
        assertEquals("texts", run.getAs("dataset"));
    }

    @Test
    void parquetAndCsvWithIdAndLanguageColumns() throws Exception {
        StructType schema = new StructType().add("key", DataTypes.LongType).add("body", DataTypes.StringType)
                .add("lang", DataTypes.StringType);
        Path parquet = dir.resolve("corpus.parquet");
        SharedSpark.get().createDataFrame(List.of(RowFactory.create(1L, "Une phrase en français.", "fr"),
                RowFactory.create(2L, "An English sentence.", "en")), schema).write().parquet(parquet.toString());
        Path out = dir.resolve("out");
        RunSummary s = Audits.run(parquet, out, "--text-column", "body", "--id-field", "key", "--lang-field", "lang");
        assertEquals(2, s.documentsNew());
        Set<String> docs = new ResultStore(SharedSpark.get(), out.toString()).table(AuditTables.DOCUMENTS).collectAsList()
                .stream().map(r -> r.getAs("doc_id") + ":" + r.getAs("language")).collect(Collectors.toSet());
        assertEquals(Set.of("1:fr", "2:en"), docs);

        Path csv = dir.resolve("more.csv");
        Files.writeString(csv, "key,body,lang\n3,\"Ein Satz, mit Komma.\",de\n1,Une phrase en français.,fr\n");
        RunSummary more = Audits.run(csv, out, "--text-column", "body", "--id-field", "key", "--lang-field", "lang");
        assertEquals(1, more.documentsNew());
        assertEquals(1, more.documentsSkipped(), "the French sentence was audited by the Parquet run");
        assertEquals(3, new ResultStore(SharedSpark.get(), out.toString()).table(AuditTables.DOCUMENTS).count());
    }
}
