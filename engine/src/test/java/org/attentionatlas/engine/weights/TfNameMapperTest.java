package org.attentionatlas.engine.weights;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TfNameMapperTest {

    private static void maps(String tf, String hf, boolean transpose) {
        TfNameMapper.Mapping m = TfNameMapper.map(tf);
        assertFalse(m.skipped(), tf + " skipped: " + m.skipReason());
        assertEquals(hf, m.hfName(), tf);
        assertEquals(transpose, m.transpose(), tf);
    }

    private static void skips(String tf, String reasonPart) {
        TfNameMapper.Mapping m = TfNameMapper.map(tf);
        assertTrue(m.skipped(), tf + " should be skipped but maps to " + m.hfName());
        assertNull(m.hfName());
        assertTrue(m.skipReason().contains(reasonPart), m.skipReason());
    }

    @Test
    void readmeExamples() {
        maps("module/bert/encoder/layer_3/attention/self/query/kernel", "encoder.layer.3.attention.self.query.weight", true);
        maps("module/bert/encoder/layer_0/intermediate/dense/kernel", "encoder.layer.0.intermediate.dense.weight", true);
        maps("module/bert/encoder/layer_11/output/LayerNorm/gamma", "encoder.layer.11.output.LayerNorm.weight", false);
        maps("module/bert/encoder/layer_11/output/LayerNorm/beta", "encoder.layer.11.output.LayerNorm.bias", false);
        maps("module/bert/encoder/layer_10/attention/output/dense/bias", "encoder.layer.10.attention.output.dense.bias", false);
        maps("module/bert/pooler/dense/kernel", "pooler.dense.weight", true);
        maps("module/bert/pooler/dense/bias", "pooler.dense.bias", false);
        maps("module/bert/embeddings/word_embeddings", "embeddings.word_embeddings.weight", false);
        maps("module/bert/embeddings/position_embeddings", "embeddings.position_embeddings.weight", false);
        maps("module/bert/embeddings/token_type_embeddings", "embeddings.token_type_embeddings.weight", false);
        maps("module/bert/embeddings/LayerNorm/gamma", "embeddings.LayerNorm.weight", false);
        maps("module/cls/predictions/transform/dense/kernel", "cls.predictions.transform.dense.weight", true);
        maps("module/cls/predictions/transform/dense/bias", "cls.predictions.transform.dense.bias", false);
        maps("module/cls/predictions/transform/LayerNorm/beta", "cls.predictions.transform.LayerNorm.bias", false);
        maps("module/cls/predictions/output_bias", "cls.predictions.bias", false);
    }

    @Test
    void googleCheckpointNamesWithoutModulePrefix() {
        maps("bert/encoder/layer_0/attention/self/key/kernel", "encoder.layer.0.attention.self.key.weight", true);
        maps("cls/predictions/output_bias", "cls.predictions.bias", false);
        maps("cls/seq_relationship/output_weights", "cls.seq_relationship.weight", false);
        maps("cls/seq_relationship/output_bias", "cls.seq_relationship.bias", false);
    }

    @Test
    void trainingStateIsSkipped() {
        skips("global_step", "training state");
        skips("bert/encoder/layer_0/attention/self/key/kernel/adam_m", "optimizer slot");
        skips("bert/encoder/layer_0/attention/self/key/kernel/adam_v", "optimizer slot");
        skips("bert/pooler/dense/bias/Adam_1", "optimizer slot");
        skips("beta1_power", "training state");
        skips("module/some_other_module/weights", "not a BERT model variable");
        skips("module/bert/encoder/layer_0/attention/self/query/moving_mean", "no HF equivalent");
    }
}
