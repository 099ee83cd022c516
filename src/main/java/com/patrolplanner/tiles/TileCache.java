package com.patrolplanner.tiles;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Rendered tiles by address, each valid for the ETag it was rendered under; least recently used go first past a byte budget. */
final class TileCache {
    private record Entry(String etag, byte[] bytes) {
    }

    private final long budget;
    private long used;
    private final LinkedHashMap<String, Entry> map = new LinkedHashMap<>(1024, 0.75f, true);

    TileCache(long budget) {
        this.budget = budget;
    }

    synchronized byte[] get(String key, String etag) {
        Entry e = map.get(key);
        return e != null && e.etag().equals(etag) ? e.bytes() : null;
    }

    synchronized void put(String key, String etag, byte[] bytes) {
        Entry old = map.put(key, new Entry(etag, bytes));
        used += bytes.length - (old == null ? 0 : old.bytes().length);
        for (Iterator<Map.Entry<String, Entry>> it = map.entrySet().iterator(); used > budget && it.hasNext();) {
            used -= it.next().getValue().bytes().length;
            it.remove();
        }
    }
}
