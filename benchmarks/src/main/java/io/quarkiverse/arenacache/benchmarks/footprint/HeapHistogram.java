package io.quarkiverse.arenacache.benchmarks.footprint;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * This JVM's live objects per class, from the {@code GC.class_histogram} diagnostic command (what {@code jcmd <pid>
 * GC.class_histogram} prints; it runs a full collection first). Two snapshots taken around a fill say which classes
 * a cache keeps on the heap. A histogram counts object bytes only: heap <em>used</em> can be larger, e.g. a G1
 * humongous array occupies whole regions.
 * <p>
 * A snapshot keeps the command's text and parses it only when compared, so a snapshot that is live while the next
 * one is taken shows up there as just one {@code String} and one {@code byte[]} (see {@link #ownBytes()}).
 */
public final class HeapHistogram {

    /** A histogram row: {@code 1:  12345  678900  [B (java.base@25)}. */
    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");

    private final String text;

    private HeapHistogram(String text) {
        this.text = text;
    }

    /** One class's growth between two snapshots. */
    public record Growth(String className, long instances, long bytes) {
    }

    /** @return a snapshot of the live heap, taken after a full collection */
    public static HeapHistogram take() {
        try {
            String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] { new String[0] }, new String[] { String[].class.getName() });
            return new HeapHistogram(text);
        } catch (JMException e) {
            throw new IllegalStateException("cannot take a class histogram", e);
        }
    }

    static HeapHistogram parse(String text) {
        return new HeapHistogram(text);
    }

    /** @return roughly what this snapshot itself occupies on the heap: its text, one byte per character */
    public long ownBytes() {
        return text.length();
    }

    private Map<String, long[]> byClass() {
        Map<String, long[]> byClass = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                byClass.merge(row.group(3), new long[] { Long.parseLong(row.group(1)), Long.parseLong(row.group(2)) },
                        (a, b) -> new long[] { a[0] + b[0], a[1] + b[1] });
            }
        }
        return byClass;
    }

    /** @return the classes whose live bytes grew since {@code before}, largest growth first, at most {@code limit} */
    public List<Growth> growthSince(HeapHistogram before, int limit) {
        List<Growth> growth = new ArrayList<>();
        Map<String, long[]> earlier = before.byClass();
        byClass().forEach((name, now) -> {
            long[] then = earlier.getOrDefault(name, new long[2]);
            if (now[1] > then[1]) {
                growth.add(new Growth(name, now[0] - then[0], now[1] - then[1]));
            }
        });
        growth.sort(Comparator.comparingLong(Growth::bytes).reversed());
        return growth.subList(0, Math.min(limit, growth.size()));
    }

    /** @return the total live bytes growth since {@code before} over all classes (shrinking ones subtract) */
    public long totalGrowthSince(HeapHistogram before) {
        return total() - before.total();
    }

    private long total() {
        return byClass().values().stream().mapToLong(counts -> counts[1]).sum();
    }
}
