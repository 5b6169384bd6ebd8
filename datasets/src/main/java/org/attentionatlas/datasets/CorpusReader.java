package org.attentionatlas.datasets;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.instr;
import static org.apache.spark.sql.functions.is_valid_utf8;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.schema_of_variant;
import static org.apache.spark.sql.functions.variant_get;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

/**
 * Reads a corpus into rows {@code (doc_id, language, text, status)}. Nothing is dropped: empty texts get status
 * {@code empty}, texts with invalid UTF-8 (raw invalid bytes, or U+FFFD from a decoder that replaced them),
 * unparsable JSON lines and JSON lines whose text field is not a string get {@code invalid}, so the job can count and report them. {@code doc_id} is null when the input has no id field.
 * Unusable inputs (missing path, empty file, no such text column, a truncated Parquet file) raise {@link InputException} before anything is
 * read.
 */
public final class CorpusReader {

    public static final String DOC_ID = "doc_id";
    public static final String LANGUAGE = "language";
    public static final String TEXT = "text";
    public static final String STATUS = "status";
    private static final String CORRUPT = "_corrupt_record";

    public static final StructType SCHEMA = new StructType()
            .add(DOC_ID, DataTypes.StringType)
            .add(LANGUAGE, DataTypes.StringType)
            .add(TEXT, DataTypes.StringType)
            .add(STATUS, DataTypes.StringType);

    private final SparkSession spark;

    public CorpusReader(SparkSession spark) {
        this.spark = spark;
    }

    /** The format that will be used for {@code spec}: its own, or guessed from the path. */
    public CorpusFormat resolveFormat(CorpusSpec spec) {
        if (spec.bundled()) {
            return CorpusFormat.BUNDLED;
        }
        FileStatus status = statusOf(spec.input());
        if (spec.format() != null) {
            return spec.format();
        }
        return CorpusFormat.guess(spec.input(), status.isDirectory(), status.isDirectory() && holds(spec.input(), ".parquet"));
    }

    public Dataset<Row> read(CorpusSpec spec) {
        CorpusFormat format = resolveFormat(spec);
        if (format != CorpusFormat.BUNDLED) {
            requireContent(spec.input(), format);
        }
        Dataset<Row> raw;
        switch (format) {
            case BUNDLED:
                return bundled();
            case TATOEBA:
                return tatoeba(spec);
            case TEXT:
                raw = textLines(spec.input()).select(lit(null).cast("string").as(DOC_ID),
                        lit(null).cast("string").as(LANGUAGE), col("value").as(TEXT), lit(true).as("parsed"));
                break;
            case TXT_DIR:
                raw = spark.read().option("wholetext", "true").option("pathGlobFilter", "*.txt")
                        .option("recursiveFileLookup", "true").text(spec.input())
                        .select(lit(null).cast("string").as(DOC_ID), lit(null).cast("string").as(LANGUAGE),
                                col("value").as(TEXT), lit(true).as("parsed"));
                break;
            case JSONL:
                raw = jsonLines(spec);
                break;
            case PARQUET:
                requireParquetFooters(spec.input());
                raw = columns(spec, spark.read().parquet(spec.input()));
                break;
            case CSV:
                raw = columns(spec, spark.read().option("header", "true").option("multiLine", "true")
                        .option("escape", "\"").csv(spec.input()));
                break;
            default:
                throw new IllegalStateException("unhandled format " + format);
        }
        Column text = col(TEXT);
        Column status = when(col("parsed").equalTo(false), lit(DocumentStatus.INVALID))
                .when(text.isNull().or(trim(text).equalTo("")), lit(DocumentStatus.EMPTY))
                // the text source keeps raw bytes (is_valid_utf8 sees them); JSON/CSV decoders already put U+FFFD
                .when(not(is_valid_utf8(text)).or(instr(text, "\uFFFD").gt(0)), lit(DocumentStatus.INVALID))
                .otherwise(lit(DocumentStatus.OK));
        return raw.select(col(DOC_ID), coalesce(col(LANGUAGE), lit(spec.language())).as(LANGUAGE), text, status.as(STATUS));
    }

    private Dataset<Row> bundled() {
        List<Row> rows = new ArrayList<>();
        for (CorpusDocument d : BundledCorpus.documents()) {
            rows.add(RowFactory.create(d.id(), d.lang(), d.text(), DocumentStatus.OK));
        }
        return spark.createDataFrame(rows, SCHEMA);
    }

    /** Tatoeba files are small: read on the driver, so every row keeps its file and line in its id. */
    private Dataset<Row> tatoeba(CorpusSpec spec) {
        List<Row> rows = new ArrayList<>();
        try {
            Path p = new Path(spec.input());
            FileSystem fs = p.getFileSystem(hadoop());
            List<Path> files = new ArrayList<>();
            var it = fs.listFiles(p, true);
            while (it.hasNext()) {
                Path f = it.next().getPath();
                if (f.getName().endsWith(".tsv") || f.equals(fs.makeQualified(p))) {
                    files.add(f);
                }
            }
            files.sort(null);
            for (Path f : files) {
                byte[] bytes;
                try (var in = fs.open(f)) {
                    bytes = in.readAllBytes();
                }
                for (TatoebaPairs.Side s : TatoebaPairs.read(f.getName(), bytes, spec.language())) {
                    rows.add(RowFactory.create(s.id(), s.language(), s.text(), s.status()));
                }
            }
        } catch (IOException e) {
            throw new InputException("cannot read input " + spec.input() + ": " + e.getMessage(), e);
        }
        return spark.createDataFrame(rows, SCHEMA);
    }

    private Dataset<Row> textLines(String input) {
        return spark.read().text(input);
    }

    /**
     * JSON lines are read as text first so that blank lines and unparsable lines are counted, not skipped as Spark's
     * JSON reader would; the schema is inferred once to check that the text field exists.
     */
    private Dataset<Row> jsonLines(CorpusSpec spec) {
        StructType inferred = spark.read().json(spec.input()).schema();
        List<String> names = Arrays.asList(inferred.fieldNames());
        requireField(spec.input(), names, spec.textField(), "--text-field");
        requireField(spec.input(), names, spec.idField(), "--id-field");
        requireField(spec.input(), names, spec.langField(), "--lang-field");
        // the text field is parsed as a variant to see its JSON type: Spark's string parsing would turn 123 into "123"
        StructType wanted = new StructType().add(spec.textField(), DataTypes.VariantType);
        if (spec.idField() != null && !spec.idField().equals(spec.textField())) {
            wanted = wanted.add(spec.idField(), DataTypes.StringType);
        }
        if (spec.langField() != null && wanted.getFieldIndex(spec.langField()).isEmpty()) {
            wanted = wanted.add(spec.langField(), DataTypes.StringType);
        }
        wanted = wanted.add(CORRUPT, DataTypes.StringType);
        Dataset<Row> parsed = textLines(spec.input()).select(col("value"),
                from_json(col("value"), wanted, java.util.Map.of("columnNameOfCorruptRecord", CORRUPT, "mode", "PERMISSIVE")).as("j"));
        Column blank = trim(col("value")).equalTo("");
        Column textVariant = col("j." + quote(spec.textField()));
        Column text = variant_get(textVariant, "$", "string");
        // absent or null is an empty text; a number, boolean, array or object is not a text at all
        Column textIsString = textVariant.isNull().or(schema_of_variant(textVariant).isin("STRING", "VOID"));
        return parsed.select(
                jsonField(spec.idField(), spec.textField(), text).as(DOC_ID),
                jsonField(spec.langField(), spec.textField(), text).as(LANGUAGE),
                when(blank, lit("")).otherwise(text).as(TEXT),
                blank.or(col("j").isNotNull().and(col("j." + CORRUPT).isNull()).and(textIsString)).as("parsed"));
    }

    /** An optional JSON field as a string column (null when not asked for); the text field is already a string. */
    private static Column jsonField(String field, String textField, Column text) {
        if (field == null) {
            return lit(null).cast("string");
        }
        return field.equals(textField) ? text : col("j." + quote(field));
    }

    /**
     * Every Parquet file's footer is read on the driver before any work, so a truncated or corrupt file is one line
     * naming it instead of a failed task deep inside the job.
     */
    private void requireParquetFooters(String input) {
        try {
            Path p = new Path(input);
            FileSystem fs = p.getFileSystem(hadoop());
            var it = fs.listFiles(p, true);
            while (it.hasNext()) {
                Path file = it.next().getPath();
                String name = file.getName();
                if (name.startsWith("_") || name.startsWith(".") || (!name.endsWith(".parquet") && !file.equals(p))) {
                    continue;
                }
                try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, hadoop()))) {
                    reader.getFooter();
                } catch (IOException | RuntimeException e) {
                    throw new InputException("input file " + file.toUri().getPath()
                            + " is not a readable Parquet file (truncated or corrupt): " + firstLine(e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new InputException("cannot read input " + input + ": " + e.getMessage(), e);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.strip().lines().findFirst().orElse("");
    }

    private Dataset<Row> columns(CorpusSpec spec, Dataset<Row> df) {
        List<String> names = Arrays.asList(df.columns());
        requireField(spec.input(), names, spec.textField(), "--text-column");
        requireField(spec.input(), names, spec.idField(), "--id-field");
        requireField(spec.input(), names, spec.langField(), "--lang-field");
        DataType textType = df.schema().apply(spec.textField()).dataType();
        if (!textType.equals(DataTypes.StringType)) {
            // a number or a list cast to text would be audited as its digits
            throw new InputException("input " + spec.input() + ": the text column '" + spec.textField() + "' holds "
                    + textType.simpleString() + ", not strings (--text-column)");
        }
        return df.select(
                spec.idField() == null ? lit(null).cast("string").as(DOC_ID) : col(quote(spec.idField())).cast("string").as(DOC_ID),
                spec.langField() == null ? lit(null).cast("string").as(LANGUAGE) : col(quote(spec.langField())).cast("string").as(LANGUAGE),
                col(quote(spec.textField())).cast("string").as(TEXT),
                lit(true).as("parsed"));
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private static void requireField(String input, List<String> names, String field, String flag) {
        if (field != null && !names.contains(field)) {
            throw new InputException("input " + input + " has no field '" + field + "' (" + flag + "); its fields are " + names);
        }
    }

    private FileStatus statusOf(String input) {
        try {
            Path p = new Path(input);
            FileSystem fs = p.getFileSystem(hadoop());
            if (!fs.exists(p)) {
                throw new InputException("input path " + input + " does not exist");
            }
            return fs.getFileStatus(p);
        } catch (IOException e) {
            throw new InputException("cannot read input " + input + ": " + e.getMessage(), e);
        }
    }

    private boolean holds(String input, String suffix) {
        try {
            Path p = new Path(input);
            for (FileStatus f : p.getFileSystem(hadoop()).listStatus(p)) {
                if (f.getPath().getName().endsWith(suffix)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new InputException("cannot list input " + input + ": " + e.getMessage(), e);
        }
    }

    /** An empty file, or a directory without a non-empty file of the format, is an error naming the input. */
    private void requireContent(String input, CorpusFormat format) {
        try {
            Path p = new Path(input);
            FileSystem fs = p.getFileSystem(hadoop());
            FileStatus s = fs.getFileStatus(p);
            if (!s.isDirectory()) {
                if (s.getLen() == 0) {
                    throw new InputException("input file " + input + " is empty");
                }
                if (format == CorpusFormat.TXT_DIR) {
                    throw new InputException("input " + input + " is a file, but format txt-dir needs a directory of .txt files");
                }
                return;
            }
            String suffix = format == CorpusFormat.TXT_DIR ? ".txt" : format == CorpusFormat.PARQUET ? ".parquet"
                    : format == CorpusFormat.TATOEBA ? ".tsv" : "";
            long files = 0;
            long bytes = 0;
            var it = fs.listFiles(p, true);
            while (it.hasNext()) {
                var f = it.next();
                String name = f.getPath().getName();
                if (name.startsWith("_") || name.startsWith(".") || !name.endsWith(suffix)) {
                    continue;
                }
                files++;
                bytes += f.getLen();
            }
            if (files == 0) {
                throw new InputException("input directory " + input + " holds no " + (suffix.isEmpty() ? "" : suffix + " ") + "files");
            }
            if (bytes == 0) {
                throw new InputException("input directory " + input + " holds only empty files");
            }
        } catch (IOException e) {
            throw new InputException("cannot read input " + input + ": " + e.getMessage(), e);
        }
    }

    private Configuration hadoop() {
        return spark.sparkContext().hadoopConfiguration();
    }
}
