package io.quarkiverse.arenacache.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;

import io.quarkiverse.arenacache.benchmarks.simulation.HitRatioSimulation;

/**
 * Renders the suite's CSVs into {@code report.md} (Markdown tables, the targets of issue 5 checked against the
 * measurements), the same as {@code report.adoc} for the docs page, and {@code hit-ratio.png}. Every section names
 * the command that produced its numbers.
 */
public final class Reporter {

    public static final String JMH_CSV_HEADER = "benchmark,mode,threads,contender,entries,valueSize,score,error,unit,"
            + "allocBytesPerOp,p50,p99,p999";
    private static final List<String> CONTENDER_ORDER = List.of("ARENA", "ARENA_ZERO_COPY", "CAFFEINE", "OHC",
            "EHCACHE_OFFHEAP", "CONCURRENT_HASH_MAP");
    /** A throughput fork whose error bar is at least this share of its score is marked noisy ({@link #noisy(Map)}). */
    static final double NOISY_ERROR_SHARE = 0.25;
    private static final List<String> WORKLOADS = List.of("getHit", "get75put25", "putEvict", "getOrLoadMiss");

    private static final List<String> RESULT_FILES = List.of("jmh.csv", "footprint.csv", "gc-impact.csv",
            "hit-ratio.csv");

    private final Path folder;
    private final StringBuilder md = new StringBuilder();
    private final String command;

    private Reporter(Path folder, String command) {
        this.folder = folder;
        this.command = command;
    }

    /** Renders {@code report.md} (and the chart) in {@code folder} from whatever result files it holds. */
    /**
     * Re-renders the report of an earlier run ({@code java -jar arena-cache-benchmarks.jar report}). The folder is
     * relative to the working directory, so from the repository root the default {@code target/benchmark-results} is
     * not where {@code run.sh} wrote the results: rendering nothing there would silently leave an empty report.
     *
     * @throws IllegalArgumentException if the folder holds none of the suite's CSVs
     */
    public static void renderExisting(Path folder) throws IOException {
        if (RESULT_FILES.stream().noneMatch(name -> Files.exists(folder.resolve(name)))) {
            throw new IllegalArgumentException("No benchmark results in " + folder.toAbsolutePath() + " (none of "
                    + String.join(", ", RESULT_FILES) + "). run.sh writes them to benchmarks/target/benchmark-results:"
                    + " run the report from benchmarks/, or pass --out benchmarks/target/benchmark-results");
        }
        render(folder);
    }

    public static void render(Path folder) throws IOException {
        Properties machine = new Properties();
        Path facts = folder.resolve("machine.properties");
        if (Files.exists(facts)) {
            try (var reader = Files.newBufferedReader(facts)) {
                machine.load(reader);
            }
        }
        Reporter reporter = new Reporter(folder, machine.getProperty("command", "(unknown command)"));
        reporter.machine(machine);
        List<Map<String, String>> jmh = Csv.read(folder.resolve("jmh.csv"));
        List<Map<String, String>> footprint = Csv.read(folder.resolve("footprint.csv"));
        List<Map<String, String>> gc = Csv.read(folder.resolve("gc-impact.csv"));
        List<Map<String, String>> hitRatio = Csv.read(folder.resolve("hit-ratio.csv"));
        reporter.targets(jmh, footprint, gc, hitRatio);
        reporter.throughput(jmh);
        reporter.latency(jmh);
        reporter.footprint(footprint);
        reporter.gc(gc);
        reporter.hitRatio(hitRatio);
        Files.writeString(folder.resolve("report.md"), reporter.md);
        Files.writeString(folder.resolve("report.adoc"), AsciiDoc.fromMarkdown(reporter.md.toString()));
        System.out.println("[report] wrote " + folder.resolve("report.md") + " and report.adoc");
    }

    private void machine(Properties machine) {
        md.append("# arena-cache benchmark report\n\n");
        md.append("| fact | value |\n|---|---|\n");
        for (String key : List.of("measuredAt", "mode", "command", "arenaEngine", "cpus", "cpuModel", "memTotal",
                "jdk", "os", "loadAverage", "loadAverageAtEnd", "estimatedMinutes", "elapsedMinutes")) {
            md.append("| ").append(key).append(" | ").append(machine.getProperty(key, "")).append(" |\n");
        }
        md.append("\nA load average above the CPU count means other work shared the machine: treat such numbers as"
                + " preliminary; compare ratios measured in the same run, not absolute values across runs.\n\n");
    }

    private void targets(List<Map<String, String>> jmh, List<Map<String, String>> footprint,
            List<Map<String, String>> gc, List<Map<String, String>> hitRatio) {
        md.append("## Targets (issue 5)\n\n| target | measured | verdict |\n|---|---|---|\n");
        for (String entries : distinct(jmh, "entries")) {
            for (String valueSize : distinct(jmh, "valueSize")) {
                Predicate<Map<String, String>> at = r -> r.get("benchmark").equals("getHit")
                        && r.get("mode").equals("thrpt") && r.get("threads").equals("1")
                        && r.get("entries").equals(entries) && r.get("valueSize").equals(valueSize);
                Double arena = score(jmh, at, "ARENA");
                Double zeroCopy = score(jmh, at, "ARENA_ZERO_COPY");
                Double caffeine = score(jmh, at, "CAFFEINE");
                Double ohc = score(jmh, at, "OHC");
                boolean arenaNoisy = noisy(jmh, at, "ARENA") || noisy(jmh, at, "ARENA_ZERO_COPY");
                double caffeineBar = Integer.parseInt(entries) >= 1 << 22 ? 1.0 : 0.7;
                ratioRow("get-hit ≥ " + caffeineBar + "× Caffeine, " + entries + " entries, " + valueSize
                        + " B, 1 thread (object API / zero-copy)", arena, zeroCopy, caffeine, caffeineBar,
                        arenaNoisy || noisy(jmh, at, "CAFFEINE"));
                ratioRow("get-hit ≥ 5× OHC, " + entries + " entries, " + valueSize + " B, 1 thread (object API /"
                        + " zero-copy)", arena, zeroCopy, ohc, 5.0, arenaNoisy || noisy(jmh, at, "OHC"));
                Map<String, String> zeroCopyRow = find(jmh, at.and(r -> r.get("contender").equals("ARENA_ZERO_COPY")));
                if (zeroCopyRow != null && !zeroCopyRow.get("allocBytesPerOp").isEmpty()) {
                    double bytes = Double.parseDouble(zeroCopyRow.get("allocBytesPerOp"));
                    row("0 B/op on the zero-copy hit path, " + entries + " entries, " + valueSize + " B",
                            fmt(bytes, 3) + " B/op", bytes < 0.5);
                }
            }
        }
        for (Map<String, String> r : footprint) {
            if (r.get("contender").equals("ARENA")) {
                double heap = Double.parseDouble(r.get("heapBytesPerEntry"));
                row("heap bytes per cached entry < 1 (" + r.get("entries") + " × " + r.get("valueSize") + " B)",
                        fmt(heap, 2) + " B", heap < 1);
            }
        }
        Map<String, String> gcCaffeine = find(gc, r -> r.get("contender").equals("CAFFEINE"));
        for (String flavour : List.of("ARENA", "ARENA_ZERO_COPY")) {
            Map<String, String> gcArena = find(gc, r -> r.get("contender").equals(flavour));
            if (gcArena == null || gcCaffeine == null) {
                continue;
            }
            double a = Double.parseDouble(gcArena.get("pauseTotalMs"));
            double c = Double.parseDouble(gcCaffeine.get("pauseTotalMs"));
            row("total GC pause ≤ 0.1× Caffeine's with " + (Long.parseLong(gcArena.get("dataBytes")) >> 20)
                    + " MiB cached (" + flavour + " reads)", fmt(a, 1) + " ms vs " + fmt(c, 1) + " ms ("
                            + (c == 0 ? "n/a" : fmt(a / c, 3) + "×") + ")",
                    a <= 0.1 * c);
        }
        if (hitRatio.stream().anyMatch(r -> r.get("policy").equals("arena-cache"))) {
            Map<String, Map<String, Double>> cells = hitCells(hitRatio);
            cells.values().removeIf(ratios -> !ratios.containsKey("arena-cache"));
            List<String> belowCaffeine = cellsBelow(cells, "Caffeine", 0.01);
            row("hit ratio within 1 point of Caffeine (trace/size cells)", (cells.size() - belowCaffeine.size())
                    + " of " + cells.size() + " cells"
                    + (belowCaffeine.isEmpty() ? "" : "; below: " + String.join(", ", belowCaffeine)),
                    belowCaffeine.isEmpty());
            if (hitRatio.stream().anyMatch(r -> r.get("policy").equals(HitRatioSimulation.CAFFEINE_SIZED))) {
                List<String> belowSized = cellsBelow(cells, HitRatioSimulation.CAFFEINE_SIZED, 0.01);
                row("… and of Caffeine built with `initialCapacity` (its sketch counts from the first access, as"
                        + " arena-cache's)", (cells.size() - belowSized.size()) + " of " + cells.size() + " cells"
                                + (belowSized.isEmpty() ? "" : "; below: " + String.join(", ", belowSized)),
                        belowSized.isEmpty());
            }
            List<String> belowLru = cellsBelow(cells, "LRU", 0);
            row("hit ratio never below LRU", (cells.size() - belowLru.size()) + " of " + cells.size() + " cells"
                    + (belowLru.isEmpty() ? "" : "; below: " + String.join(", ", belowLru)), belowLru.isEmpty());
        }
        md.append("\n");
    }

    /** @param noisy whether one of the forks compared was {@link #noisy}: the verdict says so */
    private void ratioRow(String target, Double arena, Double zeroCopy, Double reference, double bar,
            boolean noisy) {
        if (reference == null || (arena == null && zeroCopy == null)) {
            return;
        }
        String measured = (arena == null ? "n/a" : fmt(arena / reference, 2) + "×") + " / "
                + (zeroCopy == null ? "n/a" : fmt(zeroCopy / reference, 2) + "×");
        boolean met = (arena != null && arena / reference >= bar) && (zeroCopy == null || zeroCopy / reference >= bar);
        row(target, measured, met, noisy);
    }

    private void row(String target, String measured, boolean met) {
        row(target, measured, met, false);
    }

    private void row(String target, String measured, boolean met, boolean noisy) {
        md.append("| ").append(target).append(" | ").append(measured).append(" | ")
                .append(met ? "met" : "**not met**").append(noisy ? " (noisy fork: re-measure with more forks)" : "")
                .append(" |\n");
    }

    private void throughput(List<Map<String, String>> jmh) {
        if (jmh.isEmpty()) {
            return;
        }
        md.append("## Throughput (JMH, ops/s, higher is better; B/op from -prof gc in parentheses)\n\n");
        md.append("Command: `").append(command).append(" --only jmh`\n\n");
        md.append("A cell marked *noisy* has a JMH error bar of ").append(Math.round(100 * NOISY_ERROR_SHARE))
                .append(" % of its score or more: its iterations were far apart (the machine was disturbed, or the"
                        + " contender's own background work competed for the second core), so compare it with care."
                        + "\n\n");
        for (String workload : WORKLOADS) {
            List<Map<String, String>> rows = jmh.stream()
                    .filter(r -> r.get("benchmark").equals(workload) && r.get("mode").equals("thrpt")).toList();
            if (rows.isEmpty()) {
                continue;
            }
            List<String> contenders = contenders(rows);
            md.append("### ").append(workload).append("\n\n| entries | value | threads | ");
            md.append(String.join(" | ", contenders)).append(" |\n|---|---|---|");
            md.append("---|".repeat(contenders.size())).append('\n');
            for (String key : keys(rows)) {
                String[] parts = key.split("/");
                md.append("| ").append(parts[0]).append(" | ").append(parts[1]).append(" B | ").append(parts[2]);
                for (String contender : contenders) {
                    Map<String, String> r = find(rows, x -> key(x).equals(key) && x.get("contender").equals(contender));
                    md.append(" | ").append(r == null ? "" : throughputCell(r));
                }
                md.append(" |\n");
            }
            md.append('\n');
        }
    }

    private void latency(List<Map<String, String>> jmh) {
        List<Map<String, String>> rows = jmh.stream().filter(r -> r.get("mode").equals("sample")).toList();
        if (rows.isEmpty()) {
            return;
        }
        md.append("## Latency (JMH sample time, ns: p50 / p99 / p99.9)\n\n");
        md.append("Command: `").append(command).append(" --only jmh`\n\n");
        List<String> contenders = contenders(rows);
        md.append("| workload | entries | value | threads | ").append(String.join(" | ", contenders))
                .append(" |\n|---|---|---|---|").append("---|".repeat(contenders.size())).append('\n');
        for (String workload : WORKLOADS) {
            for (String key : keys(rows.stream().filter(r -> r.get("benchmark").equals(workload)).toList())) {
                String[] parts = key.split("/");
                md.append("| ").append(workload).append(" | ").append(parts[0]).append(" | ").append(parts[1])
                        .append(" B | ").append(parts[2]);
                for (String contender : contenders) {
                    Map<String, String> r = find(rows, x -> x.get("benchmark").equals(workload)
                            && key(x).equals(key) && x.get("contender").equals(contender));
                    md.append(" | ").append(r == null ? "" : r.get("p50") + " / " + r.get("p99") + " / "
                            + r.get("p999"));
                }
                md.append(" |\n");
            }
        }
        md.append('\n');
    }

    private void footprint(List<Map<String, String>> rows) throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        md.append("## Footprint per entry (fresh JVM per contender, after full GC)\n\n");
        md.append("Command: `").append(command).append(" --only footprint`\n\n");
        md.append("| contender | entries | value | payload B/entry | heap B/entry | RSS growth B/entry |"
                + " budget slack |\n|---|---|---|---|---|---|---|\n");
        for (Map<String, String> r : rows) {
            md.append("| ").append(r.get("contender")).append(" | ").append(r.get("entries")).append(" | ")
                    .append(r.get("valueSize")).append(" B | ").append(r.get("payloadBytesPerEntry")).append(" | ")
                    .append(r.get("heapBytesPerEntry")).append(" | ").append(r.get("rssBytesPerEntry")).append(" | ")
                    .append(r.get("budgetSlack")).append(" |\n");
        }
        md.append("\nRSS growth includes heap the JVM committed while filling and any budget an off-heap cache"
                + " reserves up front, so it is an upper bound on what an entry costs.\n\n");
        heapGrowth();
    }

    /** Where arena-cache's heap bytes go, from the class histograms the footprint children took around the fill. */
    private void heapGrowth() throws IOException {
        Path file = folder.resolve("footprint-heap-growth.txt");
        if (!Files.exists(file)) {
            return;
        }
        md.append("Where arena-cache's heap bytes go (classes whose live heap grew with the fill, from"
                + " `footprint-heap-growth.txt`; the rest of the heap-used growth is G1 region rounding of humongous"
                + " arrays):\n\n");
        String block = null;
        List<String> items = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.startsWith(" ")) {
                flushGrowth(block, items);
                block = line.startsWith("ARENA ") ? line.substring(0, line.length() - 1) : null;
                items.clear();
            } else if (block != null) {
                items.add(line.strip());
            }
        }
        flushGrowth(block, items);
        md.append('\n');
    }

    private void flushGrowth(String block, List<String> items) {
        if (block == null) {
            return;
        }
        List<String> shown = new ArrayList<>();
        for (String item : items) {
            String[] parts = item.split(" ");
            if (parts[0].equals("all-classes")) {
                shown.add("heap used grew " + parts[2].substring("heapUsedGrowth=".length()) + " B, live objects "
                        + parts[1].substring("bytes=".length()) + " B");
            } else if (shown.size() < 3) {
                shown.add("`" + parts[0] + "` +" + parts[2].substring("bytes=".length()) + " B");
            }
        }
        md.append("- ").append(block).append(": ").append(String.join(", ", shown)).append('\n');
    }

    private void gc(List<Map<String, String>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        md.append("## GC impact (cache filled, then reader + churn writer + garbage allocator for the window)\n\n");
        md.append("Command: `").append(command).append(" --only gc`\n\n");
        md.append("| contender | cached | heap | window s | GC pauses | pause total ms | pause max ms |"
                + " pause CPU ms | gets | get p50 ns | p99 ns | p99.9 ns | max ns | pause kinds | load before / after |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map<String, String> r : rows) {
            md.append("| ").append(r.get("contender")).append(" | ")
                    .append(Long.parseLong(r.get("dataBytes")) >> 20).append(" MiB | ").append(r.get("heap"))
                    .append(" | ").append(r.get("seconds")).append(" | ").append(r.get("pauses")).append(" | ")
                    .append(r.get("pauseTotalMs")).append(" | ").append(r.get("pauseMaxMs")).append(" | ")
                    .append(r.getOrDefault("pauseCpuMs", "?")).append(" | ")
                    .append(r.get("gets")).append(" | ").append(r.get("getP50ns")).append(" | ")
                    .append(r.get("getP99ns")).append(" | ").append(r.get("getP999ns")).append(" | ")
                    .append(r.get("getMaxNs")).append(" | ")
                    .append(r.getOrDefault("pauseKinds", "?").replace(";", ", ")).append(" | ")
                    .append(r.getOrDefault("loadBefore", "?")).append(" / ")
                    .append(r.getOrDefault("loadAfter", "?")).append(" |\n");
        }
        md.append("\nPause CPU ms is the User+Sys time of the GC threads in the counted pauses (from `gc+cpu`, 10 ms"
                + " resolution per pause): a pause far longer than its CPU time waited for a CPU on a busy machine.\n");
        md.append('\n');
    }

    private void hitRatio(List<Map<String, String>> rows) throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        md.append("## Hit ratio on the LIRS traces (%, higher is better)\n\n");
        md.append("Command: `").append(command).append(" --only hitratio`. arena-cache: 1 shard, default"
                + " generations, fixed-size entries, byte budget = capacity × measured bytes per entry; its mean"
                + " resident entry count is shown because a generational FIFO does not always hold a full budget."
                + " Caffeine is shown twice: as `newBuilder().maximumSize(n)` builds it, and with `initialCapacity(n)`"
                + " too, as Caffeine's own simulator builds it; besides pre-sizing its map, that starts its frequency"
                + " sketch at the first access instead of when the cache is half full (arena-cache's counts from the"
                + " first access). `arena − Caffeine` compares with the first.\n\n");
        List<String> policies = new ArrayList<>(new LinkedHashSet<>(rows.stream().map(r -> r.get("policy")).toList()));
        Map<String, Map<String, List<Double>>> chart = new LinkedHashMap<>();
        Map<String, List<Integer>> capacities = new LinkedHashMap<>();
        for (String trace : distinct(rows, "trace")) {
            List<Map<String, String>> traceRows = rows.stream().filter(r -> r.get("trace").equals(trace)).toList();
            Map<String, String> first = traceRows.getFirst();
            md.append("### ").append(trace).append(" (").append(first.get("accesses")).append(" accesses, ")
                    .append(first.get("distinct")).append(" distinct keys)\n\n| capacity | ")
                    .append(String.join(" | ", policies));
            boolean arena = policies.contains("arena-cache") && policies.contains("Caffeine");
            md.append(arena ? " | arena − Caffeine | arena mean resident |\n" : " |\n");
            md.append("|---|").append("---|".repeat(policies.size() + (arena ? 2 : 0))).append('\n');
            List<Integer> traceCapacities = new ArrayList<>();
            Map<String, List<Double>> series = new LinkedHashMap<>();
            for (String capacity : distinct(traceRows, "capacity")) {
                traceCapacities.add(Integer.parseInt(capacity));
                md.append("| ").append(capacity);
                Map<String, Double> ratios = new LinkedHashMap<>();
                String arenaResident = "";
                for (String policy : policies) {
                    Map<String, String> r = find(traceRows, x -> x.get("capacity").equals(capacity)
                            && x.get("policy").equals(policy));
                    double ratio = r == null ? Double.NaN : Double.parseDouble(r.get("hitRatio"));
                    ratios.put(policy, ratio);
                    series.computeIfAbsent(policy, p -> new ArrayList<>()).add(ratio);
                    md.append(" | ").append(fmt(100 * ratio, 2));
                    if (policy.equals("arena-cache") && r != null) {
                        arenaResident = r.get("meanResident");
                    }
                }
                if (arena) {
                    md.append(" | ").append(fmt(100 * (ratios.get("arena-cache") - ratios.get("Caffeine")), 2))
                            .append(" | ").append(arenaResident);
                }
                md.append(" |\n");
            }
            md.append('\n');
            chart.put(trace, series);
            capacities.put(trace, traceCapacities);
        }
        HitRatioChart.draw(chart, capacities, policies, folder.resolve("hit-ratio.png"));
        md.append("![hit ratio per trace](hit-ratio.png)\n\n");
    }

    /** @return the cells where arena-cache's hit ratio is more than {@code margin} below {@code policy}'s */
    private static List<String> cellsBelow(Map<String, Map<String, Double>> cells, String policy, double margin) {
        List<String> below = new ArrayList<>();
        for (var cell : cells.entrySet()) {
            double arena = cell.getValue().get("arena-cache");
            double other = cell.getValue().getOrDefault(policy, 0.0);
            if (arena < other - margin) {
                below.add(cell.getKey() + " (" + fmt(100 * (arena - other), 1) + " pt)");
            }
        }
        return below;
    }

    private static Map<String, Map<String, Double>> hitCells(List<Map<String, String>> rows) {
        Map<String, Map<String, Double>> cells = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            cells.computeIfAbsent(r.get("trace") + "@" + r.get("capacity"), k -> new LinkedHashMap<>())
                    .put(r.get("policy"), Double.parseDouble(r.get("hitRatio")));
        }
        return cells;
    }

    private static Double score(List<Map<String, String>> rows, Predicate<Map<String, String>> at, String contender) {
        Map<String, String> r = find(rows, at.and(x -> x.get("contender").equals(contender)));
        return r == null ? null : Double.parseDouble(r.get("score"));
    }

    private static Map<String, String> find(List<Map<String, String>> rows, Predicate<Map<String, String>> test) {
        return rows.stream().filter(test).findFirst().orElse(null);
    }

    private static List<String> distinct(List<Map<String, String>> rows, String column) {
        Set<String> values = new LinkedHashSet<>();
        rows.forEach(r -> values.add(r.get(column)));
        return new ArrayList<>(values);
    }

    private static List<String> contenders(List<Map<String, String>> rows) {
        Set<String> present = new LinkedHashSet<>();
        rows.forEach(r -> present.add(r.get("contender")));
        return CONTENDER_ORDER.stream().filter(present::contains).toList();
    }

    private static String key(Map<String, String> r) {
        return r.get("entries") + "/" + r.get("valueSize") + "/" + r.get("threads");
    }

    private static List<String> keys(List<Map<String, String>> rows) {
        return rows.stream().map(Reporter::key).distinct().toList();
    }

    private static String throughputCell(Map<String, String> r) {
        double error = Double.parseDouble(r.get("error"));
        return ops(Double.parseDouble(r.get("score"))) + (Double.isNaN(error) ? "" : " ± " + ops(error)) + " ("
                + r.get("allocBytesPerOp") + ")" + (noisy(r) ? " noisy" : "");
    }

    /**
     * Whether a throughput fork was disturbed: its error bar (99.9 %, from its 5 iterations) is at least
     * {@link #NOISY_ERROR_SHARE} of its score. Most forks of these benchmarks stay within 10 %.
     */
    static boolean noisy(Map<String, String> r) {
        double error = Double.parseDouble(r.get("error"));
        return !Double.isNaN(error) && error >= NOISY_ERROR_SHARE * Double.parseDouble(r.get("score"));
    }

    private static boolean noisy(List<Map<String, String>> rows, Predicate<Map<String, String>> at,
            String contender) {
        Map<String, String> r = find(rows, at.and(x -> x.get("contender").equals(contender)));
        return r != null && noisy(r);
    }

    private static String ops(double value) {
        if (value >= 1e6) {
            return fmt(value / 1e6, 2) + "M";
        }
        if (value >= 1e3) {
            return fmt(value / 1e3, 1) + "K";
        }
        return fmt(value, 0);
    }

    private static String fmt(double value, int decimals) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

}
