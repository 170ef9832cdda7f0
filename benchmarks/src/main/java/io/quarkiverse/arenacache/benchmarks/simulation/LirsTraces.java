package io.quarkiverse.arenacache.benchmarks.simulation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The LIRS traces (Jiang and Zhang, SIGMETRICS 2002) as shipped inside Caffeine's simulator jar: one block number per
 * line, {@code *} marks a checkpoint and is skipped.
 */
public final class LirsTraces {

    /** The traces the issue asks for, in report order. */
    public static final List<String> NAMES = List.of("multi1", "multi2", "multi3", "sprite", "gli", "loop",
            "2_pools", "cs", "cpp", "ps");
    private static final String FOLDER = "com/github/benmanes/caffeine/cache/simulator/parser/lirs/";

    private LirsTraces() {
    }

    /** @return the trace's keys in access order */
    public static long[] load(String name) {
        String resource = FOLDER + name + ".trace.gz";
        InputStream raw = LirsTraces.class.getClassLoader().getResourceAsStream(resource);
        if (raw == null) {
            throw new IllegalArgumentException("trace '" + name + "' not found on the classpath as " + resource
                    + " (it comes from com.github.ben-manes.caffeine:simulator); known: " + NAMES);
        }
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.US_ASCII))) {
            long[] keys = new long[1 << 12];
            int count = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.equals("*")) {
                    continue;
                }
                if (count == keys.length) {
                    keys = Arrays.copyOf(keys, count * 2);
                }
                keys[count++] = Long.parseLong(trimmed);
            }
            return Arrays.copyOf(keys, count);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace " + resource, e);
        }
    }

    /** @return the number of distinct keys in {@code trace} */
    public static int distinct(long[] trace) {
        return (int) Arrays.stream(trace).distinct().count();
    }
}
