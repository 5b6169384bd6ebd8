package org.attentionatlas.engine.weights;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads every entry of a LevelDB-format SSTable, the format of a TF tensor bundle's {@code .index} file.
 *
 * <p>Layout: data blocks, a meta-index block, an index block, then a 48-byte footer (meta-index handle and index
 * handle as varint64 {@code (offset, size)} pairs, zero padding, 8-byte magic {@code 0xdb4775248b80fb57}
 * little-endian). Each block is followed by a 5-byte trailer: a compression byte (only 0, uncompressed, is supported)
 * and the masked CRC32C of the block and that byte, which is verified. Inside a block, keys are prefix-compressed
 * ({@code shared, non_shared, value_length} varint32s, then the key suffix and the value) and a restart-point array
 * plus its count (fixed32s) closes the block.
 */
public final class SsTableReader {

    static final long MAGIC = 0xdb4775248b80fb57L;
    static final int FOOTER_LENGTH = 48;
    static final int TRAILER_LENGTH = 5;

    /** One key/value pair, in table order. */
    public record Entry(byte[] key, byte[] value) {

        public String keyString() {
            return new String(key, StandardCharsets.UTF_8);
        }
    }

    private final Path file;
    private final byte[] bytes;

    private SsTableReader(Path file, byte[] bytes) {
        this.file = file;
        this.bytes = bytes;
    }

    /** All entries of the table at {@code file}, in key order. */
    public static List<Entry> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CheckpointException("checkpoint " + file + ": file not found");
        } catch (IOException e) {
            throw new CheckpointException("checkpoint " + file + ": cannot read: " + e, e);
        }
        return new SsTableReader(file, bytes).entries();
    }

    /** All entries of a table held in memory; {@code file} is used in error messages. */
    public static List<Entry> read(Path file, byte[] bytes) {
        return new SsTableReader(file, bytes).entries();
    }

    private List<Entry> entries() {
        if (bytes.length < FOOTER_LENGTH) {
            throw corrupt("file is " + bytes.length + " bytes, shorter than the " + FOOTER_LENGTH + "-byte table footer");
        }
        int footer = bytes.length - FOOTER_LENGTH;
        long magic = littleEndianLong(footer + FOOTER_LENGTH - 8);
        if (magic != MAGIC) {
            throw corrupt(String.format("bad table magic 0x%016x (expected 0x%016x): not an SSTable, or truncated", magic, MAGIC));
        }
        Cursor c = new Cursor(footer, footer + FOOTER_LENGTH - 8, "footer");
        c.varint64(); // meta-index handle: unused
        c.varint64();
        long indexOffset = c.varint64();
        long indexSize = c.varint64();
        byte[] index = block(indexOffset, indexSize, "index block", footer);
        List<Entry> out = new ArrayList<>();
        for (Entry handle : blockEntries(index, "index block")) {
            Cursor h = new Cursor(handle.value(), "block handle");
            long offset = h.varint64();
            long size = h.varint64();
            byte[] data = block(offset, size, "data block at " + offset, footer);
            out.addAll(blockEntries(data, "data block at " + offset));
        }
        return out;
    }

    /** The contents of the block at {@code (offset, size)}, trailer checked. */
    private byte[] block(long offset, long size, String what, int limit) {
        if (offset < 0 || size < 0 || offset + size + TRAILER_LENGTH > limit) {
            throw corrupt(what + " [" + offset + ", +" + size + "] runs past the end of the table (" + limit
                    + " bytes before the footer)");
        }
        int start = (int) offset;
        int end = (int) (offset + size);
        int type = bytes[end] & 0xff;
        if (type != 0) {
            throw corrupt(what + " uses compression type " + type + "; only uncompressed blocks are supported");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, start, (int) size + 1);
        int expected = unmask(littleEndianInt(end + 1));
        if ((int) crc.getValue() != expected) {
            throw corrupt(what + " fails its CRC32C check");
        }
        return Arrays.copyOfRange(bytes, start, end);
    }

    private List<Entry> blockEntries(byte[] block, String what) {
        if (block.length < 4) {
            throw corrupt(what + " is " + block.length + " bytes, too short for its restart count");
        }
        long restarts = Integer.toUnsignedLong(littleEndianInt(block, block.length - 4));
        long restartArray = block.length - 4 - 4 * restarts;
        if (restarts == 0 || restartArray < 0) {
            throw corrupt(what + " has an invalid restart count " + restarts);
        }
        List<Entry> out = new ArrayList<>();
        Cursor c = new Cursor(block, 0, (int) restartArray, what);
        byte[] key = new byte[0];
        while (c.pos < c.end) {
            int shared = c.varint32();
            int nonShared = c.varint32();
            int valueLength = c.varint32();
            if (shared > key.length) {
                throw corrupt(what + ": entry shares " + shared + " bytes of a " + key.length + "-byte previous key");
            }
            byte[] next = Arrays.copyOf(key, shared + nonShared);
            System.arraycopy(c.take(nonShared), 0, next, shared, nonShared);
            key = next;
            out.add(new Entry(key, c.take(valueLength)));
        }
        return out;
    }

    private static int unmask(int masked) {
        int rot = masked - 0xa282ead8;
        return (rot >>> 17) | (rot << 15);
    }

    private long littleEndianLong(int at) {
        return (littleEndianInt(at) & 0xffffffffL) | ((long) littleEndianInt(at + 4) << 32);
    }

    private int littleEndianInt(int at) {
        return littleEndianInt(bytes, at);
    }

    private static int littleEndianInt(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    private CheckpointException corrupt(String what) {
        return new CheckpointException("checkpoint " + file + " is corrupt: " + what);
    }

    /** Bounds-checked reads of varints and byte runs from {@code [pos, end)}. */
    private final class Cursor {
        private final byte[] buf;
        private final String what;
        private final int end;
        private int pos;

        Cursor(int pos, int end, String what) {
            this(bytes, pos, end, what);
        }

        Cursor(byte[] buf, String what) {
            this(buf, 0, buf.length, what);
        }

        Cursor(byte[] buf, int pos, int end, String what) {
            this.buf = buf;
            this.pos = pos;
            this.end = end;
            this.what = what;
        }

        long varint64() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= end) {
                    throw corrupt(what + " ends inside a varint");
                }
                int b = buf[pos++] & 0xff;
                v |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw corrupt(what + " holds a varint longer than 10 bytes");
        }

        int varint32() {
            long v = varint64();
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw corrupt(what + " holds an out-of-range length " + v);
            }
            return (int) v;
        }

        byte[] take(int n) {
            if (n > end - pos) {
                throw corrupt(what + ": an entry of " + n + " bytes runs past the end of the block");
            }
            byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
            pos += n;
            return out;
        }
    }
}
