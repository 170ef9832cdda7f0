package io.quarkiverse.arenacache.benchmarks.simulation;

import java.util.LinkedHashMap;
import java.util.Map;

/** Plain LRU: a {@link LinkedHashMap} in access order, dropping the eldest entry past capacity. The floor. */
final class LruPolicy implements ReplayPolicy {

    private final Map<Long, Boolean> entries;

    LruPolicy(int capacity) {
        entries = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public boolean access(long key) {
        if (entries.get(key) != null) {
            return true;
        }
        entries.put(key, Boolean.TRUE);
        return false;
    }

    @Override
    public long resident() {
        return entries.size();
    }
}
