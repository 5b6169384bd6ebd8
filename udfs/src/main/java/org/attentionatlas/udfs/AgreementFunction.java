package org.attentionatlas.udfs;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.attentionatlas.engine.agreement.AgreementScorer;
import org.attentionatlas.engine.agreement.MethodAgreement;
import org.attentionatlas.engine.attribution.AttributionMethod;
import org.attentionatlas.engine.attribution.AttributionRequest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The agreement job's executor side: for each text of a partition ({@link AgreementRows#INPUT}), the engine's
 * {@link AgreementScorer} with the executor's model ({@link ModelHolder}); every text's arrays are closed with it.
 */
public final class AgreementFunction implements MapPartitionsFunction<Row, Row> {

    /**
     * A JVM's tasks score one text at a time: with two tasks interleaving gradient and plain passes, one text of 100
     * once got constant integrated-gradients scores, which the same text never gives alone (cause not found).
     */
    private static final Object ONE_TEXT_AT_A_TIME = new Object();

    private final AgreementSettings settings;

    public AgreementFunction(AgreementSettings settings) {
        this.settings = settings;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        return PartitionChunks.flatten(input, this::scoreChunk);
    }

    private List<Row> scoreChunk(Iterator<Row> input) {
        AgreementScorer scorer = new AgreementScorer(ModelHolder.get(settings.model()).model(), settings.steps(),
                settings.topK());
        List<Row> out = new ArrayList<>();
        for (Row r : PartitionChunks.take(input, settings.chunkTexts())) {
            String id = r.getAs("text_id");
            long t0 = System.nanoTime();
            try {
                AttributionRequest request = new AttributionRequest(r.getAs("text"), AttributionMethod.IG,
                        settings.steps(), r.getAs("target"), r.getAs("compare_text"), AttributionRequest.DEFAULT_BASELINE);
                List<MethodAgreement> scored;
                synchronized (ONE_TEXT_AT_A_TIME) {
                    scored = scorer.score(request);
                }
                long nanos = System.nanoTime() - t0;
                for (MethodAgreement m : scored) {
                    out.add(RowFactory.create(id, m.attention(), m.attribution(), nanIsNull(m.tau()), nanIsNull(m.p()),
                            nanIsNull(m.topKOverlap()), m.tokens(), nanos, null));
                    nanos = 0;
                }
            } catch (IllegalArgumentException e) {
                out.add(RowFactory.create(id, null, null, null, null, null, 0, System.nanoTime() - t0, e.getMessage()));
            }
        }
        return out;
    }

    private static Double nanIsNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
