package org.attentionatlas.engine.weights;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The TF {@code BundleHeaderProto} stored under the empty key of a bundle index: {@code num_shards = 1},
 * {@code endianness = 2} (0 little, 1 big), {@code version = 3} (ignored).
 *
 * @param numShards    number of {@code .data-NNNNN-of-MMMMM} files
 * @param bigEndian    whether the tensor bytes are big-endian
 */
public record BundleHeader(int numShards, boolean bigEndian) {

    /** A bundle without a header entry: one little-endian shard. */
    public static final BundleHeader DEFAULT = new BundleHeader(1, false);

    public static BundleHeader parse(byte[] value, Path index) {
        CodedInputStream in = CodedInputStream.newInstance(value);
        int shards = 1;
        boolean big = false;
        try {
            int tag;
            while ((tag = in.readTag()) != 0) {
                switch (WireFormat.getTagFieldNumber(tag)) {
                    case 1 -> shards = in.readInt32();
                    case 2 -> big = in.readEnum() == 1;
                    default -> in.skipField(tag);
                }
            }
        } catch (IOException e) {
            throw new CheckpointException("checkpoint " + index + " is corrupt: the bundle header is not a valid "
                    + "BundleHeaderProto (" + e.getMessage() + ")", e);
        }
        if (shards < 1) {
            throw new CheckpointException("checkpoint " + index + " is corrupt: the bundle header says " + shards + " shards");
        }
        return new BundleHeader(shards, big);
    }

    /** The file name of shard {@code id} for the index {@code variables.index}: {@code variables.data-00000-of-00001}. */
    public String shardFileName(String prefix, int id) {
        return String.format("%s.data-%05d-of-%05d", prefix, id, numShards);
    }
}
