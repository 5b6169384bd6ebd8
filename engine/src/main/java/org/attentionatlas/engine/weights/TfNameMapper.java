package org.attentionatlas.engine.weights;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps TF BERT variable names to HF names, or says why a variable is not a model weight:
 *
 * <ol>
 *   <li>drop a leading {@code module/}, then a following {@code bert/};</li>
 *   <li>{@code /} → {@code .}, {@code layer_N} → {@code layer.N};</li>
 *   <li>{@code gamma} → {@code weight}, {@code beta} → {@code bias}, {@code bias} stays;</li>
 *   <li>{@code kernel} → {@code weight}, transposed from TF's {@code [in, out]} to HF's {@code [out, in]};</li>
 *   <li>{@code embeddings/{word,position,token_type}_embeddings} → {@code embeddings.…_embeddings.weight};</li>
 *   <li>{@code cls/predictions/output_bias} → {@code cls.predictions.bias} (the decoder weight is tied to the word
 *       embeddings and has no variable of its own); {@code cls/seq_relationship/output_{weights,bias}} →
 *       {@code cls.seq_relationship.{weight,bias}}, already {@code [out, in]}.</li>
 * </ol>
 * Optimizer slots, {@code global_step} and anything outside {@code embeddings/encoder/pooler/cls} are skipped.
 */
public final class TfNameMapper {

    /** How one variable maps: an HF name (maybe transposed), or a reason to skip it. */
    public record Mapping(String tfName, String hfName, boolean transpose, String skipReason) {

        public boolean skipped() {
            return hfName == null;
        }

        static Mapping skip(String tfName, String reason) {
            return new Mapping(tfName, null, false, reason);
        }
    }

    private static final Set<String> MODEL_SCOPES = Set.of("embeddings", "encoder", "pooler", "cls");
    private static final Set<String> OPTIMIZER_SLOTS = Set.of("adam_m", "adam_v", "Adam", "Adam_1", "Momentum",
            "RMSProp", "RMSProp_1", "Adagrad", "ExponentialMovingAverage", "AdamWeightDecayOptimizer",
            "AdamWeightDecayOptimizer_1", "LAMB", "LAMB_1");
    private static final Set<String> TRAINING_STATE = Set.of("global_step", "beta1_power", "beta2_power",
            "learning_rate", "loss_scale", "good_steps");
    private static final Set<String> EMBEDDINGS = Set.of("word_embeddings", "position_embeddings",
            "token_type_embeddings");
    private static final Pattern LAYER = Pattern.compile("^layer_(\\d+)$");

    private TfNameMapper() {
    }

    public static Mapping map(String tfName) {
        String n = tfName;
        if (n.startsWith("module/")) {
            n = n.substring("module/".length());
        }
        if (n.startsWith("bert/")) {
            n = n.substring("bert/".length());
        }
        String[] parts = n.split("/", -1);
        String last = parts[parts.length - 1];
        if (OPTIMIZER_SLOTS.contains(last)) {
            return Mapping.skip(tfName, "optimizer slot");
        }
        if (TRAINING_STATE.contains(last)) {
            return Mapping.skip(tfName, "training state, not a weight");
        }
        if (!MODEL_SCOPES.contains(parts[0]) || parts.length < 2) {
            return Mapping.skip(tfName, "not a BERT model variable");
        }
        if (parts.length == 2 && parts[0].equals("embeddings") && EMBEDDINGS.contains(last)) {
            return new Mapping(tfName, "embeddings." + last + ".weight", false, null);
        }
        switch (n) {
            case "cls/predictions/output_bias":
                return new Mapping(tfName, "cls.predictions.bias", false, null);
            case "cls/seq_relationship/output_weights":
                return new Mapping(tfName, "cls.seq_relationship.weight", false, null);
            case "cls/seq_relationship/output_bias":
                return new Mapping(tfName, "cls.seq_relationship.bias", false, null);
            default:
                break;
        }
        StringBuilder hf = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            Matcher m = LAYER.matcher(parts[i]);
            hf.append(m.matches() ? "layer." + m.group(1) : parts[i]).append('.');
        }
        switch (last) {
            case "kernel":
                return new Mapping(tfName, hf + "weight", true, null);
            case "gamma":
                return new Mapping(tfName, hf + "weight", false, null);
            case "beta":
            case "bias":
                return new Mapping(tfName, hf + "bias", false, null);
            default:
                return Mapping.skip(tfName, "no HF equivalent for a variable ending in '" + last + "'");
        }
    }
}
