package com.patrolplanner.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The positions of an OpenStreetMap file's nodes, kept on disk instead of the heap, for the ways that come after them:
 * each node is a 24-byte record (id, lon, lat) appended to a temporary file, which is then memory-mapped and searched
 * by id (binary search: PBF files list nodes by ascending id). A province's tens of millions of nodes take that many
 * × 24 bytes of page cache the kernel may drop, not heap: the import runs inside a small {@code -Xmx}. Nodes that come
 * out of id order (rare; an unsorted file) go to a small map on the heap. Not thread-safe.
 */
public final class NodeStore implements AutoCloseable {
    private static final int RECORD = 24;
    /** Records per mapped segment (a mapping is limited to 2 GiB). */
    private static final int PER_SEGMENT = 1 << 25;

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer out = ByteBuffer.allocateDirect(RECORD * 4096);
    private final List<MappedByteBuffer> segments = new ArrayList<>();
    private final Map<Long, double[]> unsorted = new HashMap<>();
    private long count;
    private long lastId = Long.MIN_VALUE;
    private boolean sealed;

    public NodeStore() {
        try {
            file = Files.createTempFile("pp-osm-nodes-", ".bin");
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records a node's position (already in the datum the import stores). */
    public void put(long id, double lon, double lat) {
        if (sealed || id <= lastId) {
            unsorted.put(id, new double[] {lon, lat});
            return;
        }
        if (!out.hasRemaining()) {
            drain();
        }
        out.putLong(id).putDouble(lon).putDouble(lat);
        lastId = id;
        count++;
    }

    /** Nodes stored (on disk and on the heap). */
    public long size() {
        return count + unsorted.size();
    }

    /** Nodes that came out of id order and are kept on the heap. */
    public int onHeap() {
        return unsorted.size();
    }

    public boolean contains(long id) {
        return find(id) >= 0 || unsorted.containsKey(id);
    }

    /** Writes the node's {lon, lat} into {@code xy}; false when the file has no such node. */
    public boolean get(long id, double[] xy) {
        long i = find(id);
        if (i >= 0) {
            ByteBuffer b = segments.get((int) (i / PER_SEGMENT));
            int at = (int) (i % PER_SEGMENT) * RECORD;
            xy[0] = b.getDouble(at + 8);
            xy[1] = b.getDouble(at + 16);
            return true;
        }
        double[] p = unsorted.get(id);
        if (p == null) {
            return false;
        }
        xy[0] = p[0];
        xy[1] = p[1];
        return true;
    }

    private long find(long id) {
        seal();
        long lo = 0;
        long hi = count - 1;
        while (lo <= hi) {
            long mid = (lo + hi) >>> 1;
            long v = segments.get((int) (mid / PER_SEGMENT)).getLong((int) (mid % PER_SEGMENT) * RECORD);
            if (v < id) {
                lo = mid + 1;
            } else if (v > id) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    private void drain() {
        out.flip();
        try {
            while (out.hasRemaining()) {
                channel.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.clear();
    }

    /** Ends writing and maps the file (done by the first look-up). */
    private void seal() {
        if (sealed) {
            return;
        }
        drain();
        sealed = true;
        try {
            for (long first = 0; first < count; first += PER_SEGMENT) {
                long n = Math.min(PER_SEGMENT, count - first);
                segments.add(channel.map(FileChannel.MapMode.READ_ONLY, first * RECORD, n * RECORD));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the file (the mappings go with the garbage collector). */
    @Override
    public void close() {
        segments.clear();
        unsorted.clear();
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file left behind
        }
    }
}
