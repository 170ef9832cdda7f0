package io.quarkiverse.arenacache.benchmarks.gc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Sums the stop-the-world pauses in a {@code -Xlog:gc,gc+cpu:file=...:uptime} log that fall inside a time window.
 * Lines look like {@code [12.345s] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 120M->80M(2048M) 3.456ms};
 * Remark, Cleanup and Full pauses count too, concurrent phases do not. The {@code gc+cpu} line that follows a pause
 * ({@code GC(7) User=0.01s Sys=0.00s Real=0.01s}) gives the CPU time the GC threads spent in it: when the machine is
 * busy a pause's wall time grows while waiting for a CPU, its CPU time does not.
 */
public final class GcLog {

    private static final Pattern PAUSE = Pattern
            .compile("^\\[(\\d+(?:\\.\\d+)?)s\\].*\\bPause (\\w+)(.*?)(\\d+(?:\\.\\d+)?)ms\\s*$");

    private static final Pattern CPU = Pattern
            .compile("^\\[[\\d.]+s\\].*\\bUser=(\\d+(?:\\.\\d+)?)s Sys=(\\d+(?:\\.\\d+)?)s Real=.*$");

    private GcLog() {
    }

    /**
     * Pause statistics of one window; {@code kinds} counts them by kind (Young, Mixed, Remark, Cleanup, Full) in the
     * order first seen.
     */
    public record Pauses(int count, double totalMillis, double maxMillis, Map<String, Integer> kinds,
            double cpuMillis) {

        /** @return the kinds as {@code Young=30;Mixed=4}, comma-free for the CSV */
        public String kindsSummary() {
            return kinds.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(";"));
        }
    }

    /**
     * @return the pauses that overlap {@code fromMillis .. toMillis} of JVM uptime. A line's time stamp is when the
     *         pause ended (unified logging prints it then), so a pause is counted when it ended after the window
     *         opened and began (end minus duration) before it closed.
     */
    public static Pauses pauses(Path log, long fromMillis, long toMillis) throws IOException {
        int count = 0;
        double total = 0;
        double max = 0;
        Map<String, Integer> kinds = new LinkedHashMap<>();
        double cpu = 0;
        boolean counting = false;
        for (String line : Files.readAllLines(log)) {
            Matcher cpuLine = CPU.matcher(line);
            if (cpuLine.matches()) {
                if (counting) {
                    cpu += (Double.parseDouble(cpuLine.group(1)) + Double.parseDouble(cpuLine.group(2))) * 1000;
                }
                counting = false;
                continue;
            }
            Matcher matcher = PAUSE.matcher(line);
            counting = false;
            if (!matcher.matches()) {
                continue;
            }
            double endMillis = Double.parseDouble(matcher.group(1)) * 1000;
            double millis = Double.parseDouble(matcher.group(4));
            if (endMillis < fromMillis || endMillis - millis > toMillis) {
                continue;
            }
            counting = true;
            count++;
            boolean mixed = matcher.group(2).equals("Young") && matcher.group(3).startsWith(" (Mixed)");
            kinds.merge(mixed ? "Mixed" : matcher.group(2), 1, Integer::sum);
            total += millis;
            max = Math.max(max, millis);
        }
        return new Pauses(count, total, max, kinds, cpu);
    }
}
