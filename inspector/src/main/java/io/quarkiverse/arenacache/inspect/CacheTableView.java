package io.quarkiverse.arenacache.inspect;

import java.util.List;

import io.quarkiverse.arenacache.inspect.SnapshotModel.CacheView;
import io.quarkiverse.arenacache.inspect.TextTable.Align;

/** The one-line-per-cache overview that {@code arena-cache-inspect} prints by default. */
public final class CacheTableView {

    private CacheTableView() {
    }

    public static String render(List<CacheView> caches) {
        if (caches.isEmpty()) {
            return "No arena caches in this application.\n";
        }
        TextTable table = new TextTable()
                .column("CACHE", Align.LEFT)
                .column("ENTRIES", Align.RIGHT)
                .column("USED / BUDGET", Align.RIGHT)
                .column("HIT RATIO", Align.RIGHT)
                .column("EVICTED", Align.RIGHT)
                .column("EXPIRED", Align.RIGHT)
                .column("REJECTED", Align.RIGHT)
                .column("LOADS", Align.RIGHT);
        long entries = 0;
        long used = 0;
        long budget = 0;
        for (CacheView cache : caches) {
            if (!cache.statsAvailable()) {
                table.row(cache.name() + " (closed)", "-", "-", "-", "-", "-", "-", "-");
                continue;
            }
            table.row(cache.closed() ? cache.name() + " (closed)" : cache.name(),
                    Units.count(cache.entries()),
                    Units.bytes(cache.bytesUsed()) + " / " + Units.bytes(cache.maxMemory()),
                    hitRatio(cache),
                    Units.count(cache.evictions()),
                    Units.count(cache.expirations()),
                    Units.count(cache.rejections()),
                    loads(cache));
            entries += cache.entries();
            used += cache.bytesUsed();
            budget += cache.maxMemory();
        }
        return table.render() + "\n" + caches.size() + (caches.size() == 1 ? " cache, " : " caches, ")
                + Units.count(entries) + " entries, " + Units.bytes(used) + " of " + Units.bytes(budget)
                + " off-heap budget in use\n";
    }

    static String hitRatio(CacheView cache) {
        double ratio = cache.hitRatio();
        return ratio < 0 ? "-" : Units.percent(ratio);
    }

    static String loads(CacheView cache) {
        String loads = Units.count(cache.loadSuccesses() + cache.loadFailures());
        return cache.loadFailures() == 0 ? loads : loads + " (" + Units.count(cache.loadFailures()) + " failed)";
    }
}
