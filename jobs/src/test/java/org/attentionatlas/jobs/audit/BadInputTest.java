package org.attentionatlas.jobs.audit;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.attentionatlas.datasets.InputException;
import org.attentionatlas.jobs.common.JobException;
import org.attentionatlas.jobs.common.ResultStore;
import org.attentionatlas.jobs.testing.Audits;
import org.attentionatlas.jobs.testing.SharedSpark;
import org.attentionatlas.results.AuditTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Unusable inputs fail with a message naming them and write nothing; bad lines are counted, not dropped silently. */
class BadInputTest {

    @TempDir
    Path dir;

    @Test
    void missingPathIsAnErrorNamingItAndWritesNothing() {
        Path missing = dir.resolve("no-such-corpus.txt");
        Path out = dir.resolve("out");
        InputException e = assertThrows(InputException.class, () -> Audits.run(missing, out));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("does not exist"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void emptyFileIsAnErrorNamingIt() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        Path out = dir.resolve("out");
        InputException e = assertThrows(InputException.class, () -> Audits.run(empty, out));
        assertTrue(e.getMessage().contains(empty.toString()) && e.getMessage().contains("empty"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void missingTextColumnIsAnErrorNamingInputAndColumn() throws Exception {
        Path csv = dir.resolve("corpus.csv");
        Files.writeString(csv, "id,body\n1,Hello there.\n");
        Path out = dir.resolve("out");
        InputException e = assertThrows(InputException.class, () -> Audits.run(csv, out, "--text-column", "text"));
        assertTrue(e.getMessage().contains(csv.toString()) && e.getMessage().contains("'text'"), e.getMessage());
        Path jsonl = dir.resolve("corpus.jsonl");
        Files.writeString(jsonl, "{\"body\": \"Hello there.\"}\n");
        e = assertThrows(InputException.class, () -> Audits.run(jsonl, out, "--text-field", "content"));
        assertTrue(e.getMessage().contains(jsonl.toString()) && e.getMessage().contains("'content'"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void unreadableModelIsAnErrorNamingItAndWritesNothing() throws Exception {
        Path text = dir.resolve("corpus.txt");
        Files.writeString(text, "One line.\n");
        Path badModel = Files.createDirectories(dir.resolve("not-a-model"));
        Files.writeString(badModel.resolve("model.onnx"), "this is not an onnx file");
        Path out = dir.resolve("out");
        JobException e = assertThrows(JobException.class, () -> Audits.run(text, out, "--model", badModel.toString()));
        assertTrue(e.getMessage().contains("cannot load model '" + badModel + "'"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void windowsTheModelCannotTakeAreRefusedBeforeAnyWork() throws Exception {
        Path text = dir.resolve("corpus.txt");
        Files.writeString(text, "One line.\n");
        Path out = dir.resolve("out");
        JobException e = assertThrows(JobException.class, () -> Audits.run(text, out, "--max-length", "1000"));
        assertEquals("--max-length 1000 exceeds the model's 512 positions (model 'minilm-l6')", e.getMessage());
        e = assertThrows(JobException.class, () -> Audits.run(text, out, "--stride", "600"));
        assertEquals("--stride 600 is more than the 510 text tokens of a 512-token window (model 'minilm-l6')",
                e.getMessage());
        e = assertThrows(JobException.class, () -> Audits.run(text, out, "--max-length", "64", "--stride", "63"));
        assertEquals("--stride 63 is more than the 62 text tokens of a 64-token window (model 'minilm-l6')",
                e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void emptyLinesAndInvalidUtf8AreCountedAsSkips() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("The first good line.\n\n   \n".getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] {'B', 'a', 'd', ' ', (byte) 0xC3, (byte) 0x28, ' ', 'b', 'y', 't', 'e', 's', '\n'});
        bytes.write("The second good line.\nThe first good line.\n".getBytes(StandardCharsets.UTF_8));
        Path text = dir.resolve("lines.txt");
        Files.write(text, bytes.toByteArray());
        Path out = dir.resolve("out");
        RunSummary s = Audits.run(text, out, "--language", "en");
        assertEquals(6, s.documentsRead());
        assertEquals(2, s.documentsNew());
        assertEquals(2, s.documentsEmpty());
        assertEquals(1, s.documentsInvalid());
        assertEquals(1, s.documentsDuplicate());
        Row run = new ResultStore(SharedSpark.get(), out.toString()).table(AuditTables.RUNS).first();
        assertEquals(2L, run.<Long>getAs("documents_empty"));
        assertEquals(1L, run.<Long>getAs("documents_invalid"));
        assertEquals("lines", run.getAs("dataset"));
        Row doc = new ResultStore(SharedSpark.get(), out.toString()).table(AuditTables.DOCUMENTS).first();
        assertEquals("en", doc.getAs("language"));
        assertEquals(doc.<String>getAs("content_hash"), doc.getAs("doc_id"), "no id field: the id is the content hash");
    }

    @Test
    void brokenJsonLinesAreCountedInvalid() throws Exception {
        Path jsonl = dir.resolve("docs.jsonl");
        Files.writeString(jsonl, "{\"id\": 7, \"text\": \"A fine sentence.\"}\n{\"id\": 8, \"text\": \n\n{\"id\": 9, \"text\": \"\"}\n");
        RunSummary s = Audits.run(jsonl, dir.resolve("out"), "--id-field", "id");
        assertEquals(4, s.documentsRead());
        assertEquals(1, s.documentsNew());
        assertEquals(1, s.documentsInvalid());
        assertEquals(2, s.documentsEmpty());
        Row doc = new ResultStore(SharedSpark.get(), dir.resolve("out").toString()).table(AuditTables.DOCUMENTS).first();
        assertEquals("7", doc.getAs("doc_id"));
    }

    @Test
    void aJsonTextThatIsNotAStringIsCountedInvalidNotAuditedAsItsDigits() throws Exception {
        Path jsonl = dir.resolve("typed.jsonl");
        Files.writeString(jsonl, "{\"id\": 1, \"text\": \"A fine sentence.\"}\n{\"id\": 2, \"text\": 123}\n"
                + "{\"id\": 3, \"text\": [\"a list\"]}\n{\"id\": 4, \"text\": {\"nested\": \"object\"}}\n"
                + "{\"id\": 5, \"text\": true}\n{\"id\": 6, \"text\": null}\n");
        Path out = dir.resolve("out");
        RunSummary s = Audits.run(jsonl, out, "--id-field", "id");
        assertEquals(6, s.documentsRead());
        assertEquals(1, s.documentsNew());
        assertEquals(4, s.documentsInvalid());
        assertEquals(1, s.documentsEmpty(), "a null text is empty, as an empty string is");
        Row run = new ResultStore(SharedSpark.get(), out.toString()).table(AuditTables.RUNS).first();
        assertEquals(4L, run.<Long>getAs("documents_invalid"));
        List<Row> docs = new ResultStore(SharedSpark.get(), out.toString()).table(AuditTables.DOCUMENTS).collectAsList();
        assertEquals(1, docs.size());
        assertEquals("1", docs.get(0).getAs("doc_id"));
    }

    @Test
    void aTruncatedParquetFileIsOneLineNamingItBeforeAnyWork() throws Exception {
        Path parquet = dir.resolve("corpus-parquet");
        SharedSpark.get().createDataFrame(List.of(
                        RowFactory.create("One sentence here."),
                        RowFactory.create("Another sentence there.")),
                new StructType().add("text", "string"))
                .coalesce(1).write().parquet(parquet.toString());
        Path part;
        try (var files = Files.list(parquet)) {
            part = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(part);
        Files.write(part, Arrays.copyOf(bytes, bytes.length / 2));
        Files.deleteIfExists(part.resolveSibling("." + part.getFileName() + ".crc"));
        Path out = dir.resolve("out");
        InputException e = assertThrows(InputException.class, () -> Audits.run(parquet, out, "--text-column", "text"));
        assertTrue(e.getMessage().startsWith("input file " + part + " is not a readable Parquet file"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void aParquetTextColumnThatIsNotStringsIsRefusedNamingIt() throws Exception {
        Path parquet = dir.resolve("numbers-parquet");
        SharedSpark.get().createDataFrame(List.of(RowFactory.create(123L), RowFactory.create(456L)),
                new StructType().add("text", "long")).coalesce(1).write().parquet(parquet.toString());
        Path out = dir.resolve("out");
        InputException e = assertThrows(InputException.class, () -> Audits.run(parquet, out, "--text-column", "text"));
        assertEquals("input " + parquet + ": the text column 'text' holds bigint, not strings (--text-column)",
                e.getMessage());
        assertFalse(Files.exists(out));
    }
}
