package io.quarkiverse.arenacache.benchmarks.footprint;

import java.lang.ref.Reference;
import java.util.Locale;

import io.quarkiverse.arenacache.benchmarks.contenders.CacheContender;
import io.quarkiverse.arenacache.benchmarks.contenders.CacheSpec;
import io.quarkiverse.arenacache.benchmarks.contenders.Contender;
import io.quarkiverse.arenacache.benchmarks.workload.PopulatedCache;

/**
 * Memory cost per cached entry, measured in a fresh JVM per contender (run by the suite): retained heap after a full
 * collection, and resident-set growth (heap, off-heap and native together), both divided by the entry count. Not
 * JMH: this is a before/after difference, not a rate.
 * <p>
 * Arguments: {@code contender entries valueSize}. Prints the classes whose live heap grew most (lines starting
 * with {@value #GROWTH_PREFIX}, from class histograms around the fill, so a heap cost can be traced to its owner),
 * then one CSV row ({@link #CSV_HEADER}).
 */
public final class FootprintMeasurement {

    public static final String CSV_HEADER = "contender,entries,valueSize,resident,heapBytesPerEntry,"
            + "rssBytesPerEntry,payloadBytesPerEntry,budgetSlack";
    /** Marks the output lines that name a class whose live heap grew with the fill. */
    public static final String GROWTH_PREFIX = "[heap-growth] ";
    private static final int GROWTH_CLASSES = 8;

    private FootprintMeasurement() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: FootprintMeasurement <contender> <entries> <valueSize>");
        }
        Contender contender = Contender.parse(args[0]);
        long entries = Long.parseLong(args[1]);
        int valueSize = Integer.parseInt(args[2]);
        System.out.println(measure(contender, entries, valueSize));
    }

    /** @return the CSV row for one contender */
    public static String measure(Contender contender, long entries, int valueSize) {
        // Load and initialize every class the measurement touches before the baseline, so they are not counted.
        try (CacheContender warmup = contender.open(new CacheSpec(1024, valueSize))) {
            PopulatedCache.fill(warmup, 1024, valueSize);
            warmup.get(1L);
        }
        // Taken before the baseline so the snapshot itself is live in both heap readings and cancels out.
        HeapHistogram histogramBefore = HeapHistogram.take();
        long heapBefore = ProcessMemory.heapUsedAfterFullGc();
        long rssBefore = ProcessMemory.residentSetBytes();

        PopulatedCache.Opened opened = PopulatedCache.open(contender, new CacheSpec(entries, valueSize));
        CacheContender cache = opened.cache();

        long heapAfter = ProcessMemory.heapUsedAfterFullGc();
        long rssAfter = ProcessMemory.residentSetBytes();
        long resident = cache.size();
        HeapHistogram histogramAfter = HeapHistogram.take();
        Reference.reachabilityFence(cache);
        printGrowth(histogramBefore, histogramAfter, heapAfter - heapBefore, entries);
        String row = String.format(Locale.ROOT, "%s,%d,%d,%d,%.2f,%.2f,%d,%.2f", contender, entries, valueSize,
                resident, (heapAfter - heapBefore) / (double) entries, (rssAfter - rssBefore) / (double) entries,
                Long.BYTES + valueSize, opened.spec().slack());
        cache.close();
        return row;
    }

    /**
     * Prints the largest per-class growth and how much of the heap-used growth no live object explains (G1 rounds a
     * humongous array up to whole regions; the gap shows that).
     */
    private static void printGrowth(HeapHistogram before, HeapHistogram after, long heapGrowth, long entries) {
        for (HeapHistogram.Growth growth : after.growthSince(before, GROWTH_CLASSES)) {
            System.out.println(String.format(Locale.ROOT, "%s%s instances=%d bytes=%d bytesPerEntry=%.3f",
                    GROWTH_PREFIX, growth.className(), growth.instances(), growth.bytes(),
                    growth.bytes() / (double) entries));
        }
        long objects = after.totalGrowthSince(before);
        System.out.println(String.format(Locale.ROOT, "%sall-classes bytes=%d heapUsedGrowth=%d notInObjects=%d"
                + " (the before snapshot's own text, about %d bytes in one String, is among the [B growth)",
                GROWTH_PREFIX, objects, heapGrowth, heapGrowth - objects, before.ownBytes()));
    }
}
