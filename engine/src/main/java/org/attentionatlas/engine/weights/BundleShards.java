package org.attentionatlas.engine.weights;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The {@code .data-NNNNN-of-MMMMM} files of a TF tensor bundle. Tensors are memory-mapped one at a time and copied
 * into a {@code float[]} in bulk, so a 700 MB shard never becomes one Java array.
 */
final class BundleShards implements AutoCloseable {

    private final Path dir;
    private final String prefix;
    private final BundleHeader header;
    private final boolean verifyChecksums;
    private final FileChannel[] channels;
    private final long[] sizes;

    BundleShards(Path dir, String prefix, BundleHeader header, boolean verifyChecksums) {
        this.dir = dir;
        this.prefix = prefix;
        this.header = header;
        this.verifyChecksums = verifyChecksums;
        this.channels = new FileChannel[header.numShards()];
        this.sizes = new long[header.numShards()];
    }

    Path shardFile(int id) {
        return dir.resolve(header.shardFileName(prefix, id));
    }

    /** The float32 values of {@code e}, which must be a DT_FLOAT entry. */
    float[] readFloats(BundleEntry e) {
        if (e.shardId() < 0 || e.shardId() >= channels.length) {
            throw new CheckpointException("checkpoint " + dir.resolve(prefix + ".index") + " is corrupt: tensor '"
                    + e.name() + "' is in shard " + e.shardId() + " but the bundle has " + channels.length);
        }
        Path file = shardFile(e.shardId());
        FileChannel ch = channel(e.shardId());
        long count = e.elementCount();
        if (e.size() != count * Float.BYTES || count > Integer.MAX_VALUE) {
            throw new CheckpointException("checkpoint " + file + " is corrupt: tensor '" + e.name() + "' of shape "
                    + Arrays.toString(e.shape()) + " needs " + count * Float.BYTES + " bytes but the index says " + e.size());
        }
        if (e.offset() < 0 || e.offset() + e.size() > sizes[e.shardId()]) {
            throw new CheckpointException("checkpoint " + file + " is truncated or corrupt: tensor '" + e.name()
                    + "' lies at bytes [" + e.offset() + ", " + (e.offset() + e.size()) + ") but the file has "
                    + sizes[e.shardId()] + " bytes");
        }
        float[] out = new float[(int) count];
        if (count == 0) {
            return out;
        }
        try {
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, e.offset(), e.size());
            if (verifyChecksums && e.crc32c() != null) {
                CRC32C crc = new CRC32C();
                crc.update(map.duplicate());
                if (mask((int) crc.getValue()) != e.crc32c()) {
                    throw new CheckpointException("checkpoint " + file + " is corrupt: tensor '" + e.name()
                            + "' fails its CRC32C check");
                }
            }
            map.order(header.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        } catch (IOException ex) {
            throw new CheckpointException("checkpoint " + file + ": cannot read tensor '" + e.name() + "': " + ex, ex);
        }
        return out;
    }

    private FileChannel channel(int id) {
        if (channels[id] == null) {
            Path file = shardFile(id);
            try {
                channels[id] = FileChannel.open(file, StandardOpenOption.READ);
                sizes[id] = channels[id].size();
            } catch (NoSuchFileException ex) {
                throw new CheckpointException("checkpoint " + file + ": data file not found");
            } catch (IOException ex) {
                throw new CheckpointException("checkpoint " + file + ": cannot open: " + ex, ex);
            }
        }
        return channels[id];
    }

    /** Checks every shard file exists before anything is read. */
    void requireFiles() {
        for (int i = 0; i < channels.length; i++) {
            if (!Files.isRegularFile(shardFile(i))) {
                throw new CheckpointException("checkpoint " + shardFile(i) + ": data file not found");
            }
        }
    }

    static int mask(int crc) {
        return ((crc >>> 15) | (crc << 17)) + 0xa282ead8;
    }

    @Override
    public void close() {
        for (FileChannel ch : channels) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // read-only: nothing to lose
                }
            }
        }
    }
}
