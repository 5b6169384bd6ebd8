package org.attentionatlas.udfs;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Rows in and out of {@link PartitionAuditor}. In: {@code doc_id, content_hash, language, text, part, parts}. Out: the
 * same keys and part, the document's token count (special tokens included), the number of windows of this part, the
 * query positions summed over them and the raw {@code HeadSums} array ([layer][head][slot], see
 * {@code HeadSums.raw()}).
 */
public final class AuditedDocument {

    public static final String DOC_ID = "doc_id";
    public static final String CONTENT_HASH = "content_hash";
    public static final String LANGUAGE = "language";
    public static final String TEXT = "text";
    public static final String PART = "part";
    public static final String PARTS = "parts";
    public static final String TOKENS = "tokens";
    public static final String WINDOWS = "windows";
    public static final String QUERY_TOKENS = "query_tokens";
    public static final String SUMS = "sums";

    public static final StructType SCHEMA = new StructType()
            .add(DOC_ID, DataTypes.StringType)
            .add(CONTENT_HASH, DataTypes.StringType)
            .add(LANGUAGE, DataTypes.StringType)
            .add(PART, DataTypes.IntegerType)
            .add(TOKENS, DataTypes.IntegerType)
            .add(WINDOWS, DataTypes.IntegerType)
            .add(QUERY_TOKENS, DataTypes.LongType)
            .add(SUMS, DataTypes.createArrayType(DataTypes.DoubleType, false));

    private AuditedDocument() {
    }
}
