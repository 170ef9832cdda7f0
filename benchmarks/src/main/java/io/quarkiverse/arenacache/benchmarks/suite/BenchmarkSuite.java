package io.quarkiverse.arenacache.benchmarks.suite;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.annotations.Mode;

import io.quarkiverse.arenacache.benchmarks.contenders.ArenaSizing;
import io.quarkiverse.arenacache.benchmarks.contenders.Contender;
import io.quarkiverse.arenacache.benchmarks.footprint.FootprintMeasurement;
import io.quarkiverse.arenacache.benchmarks.gc.GcImpact;
import io.quarkiverse.arenacache.benchmarks.gc.GcLog;
import io.quarkiverse.arenacache.benchmarks.jmh.ForkFlags;
import io.quarkiverse.arenacache.benchmarks.report.Reporter;
import io.quarkiverse.arenacache.benchmarks.simulation.HitRatioSimulation;
import io.quarkiverse.arenacache.benchmarks.simulation.LirsTraces;

/**
 * The one command behind every published number: runs the JMH workloads, the footprint, GC-impact and hit-ratio
 * measurements, writes their CSVs (and JMH's JSON) to the output folder, and renders {@code report.md} from them.
 * <p>
 * Usage: {@code java -jar arena-cache-benchmarks.jar [quick|full] [--out DIR] [--only jmh,footprint,gc,hitratio]
 * [--huge-pages]}; {@code --huge-pages} (see {@link HugePages}) puts every JMH fork's memory on transparent huge pages.
 * Anything else on the command line goes to JMH's own main (e.g. {@code -h}), so the jar is a plain JMH jar too.
 */
public final class BenchmarkSuite {

    static final List<String> PARTS = List.of("jmh", "footprint", "gc", "hitratio");
    static final List<Integer> FOOTPRINT_VALUE_SIZES = List.of(64, 1024);
    static final int GC_VALUE_SIZE = 1024;
    /** The JVM flags of every GC-impact child besides the heap size: identical for all contenders, G1 defaults. */
    static final List<String> GC_JVM_FLAGS = List.of("-XX:+UseG1GC");

    private BenchmarkSuite() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && !args[0].equals("quick") && !args[0].equals("full") && !args[0].equals("report")) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        SuiteMode mode = args.length > 0 && args[0].equals("full") ? SuiteMode.FULL : SuiteMode.QUICK;
        Path out = Path.of("target/benchmark-results");
        Set<String> parts = new LinkedHashSet<>(PARTS);
        boolean hugePages = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--only" -> parts = new LinkedHashSet<>(Arrays.asList(args[++i].split(",")));
                case HugePages.OPTION -> hugePages = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: [quick|full|report] [--out DIR] [--only " + String.join(",", PARTS) + "] ["
                        + HugePages.OPTION + "]");
            }
        }
        for (String part : parts) {
            if (!PARTS.contains(part)) {
                throw new IllegalArgumentException("unknown part '" + part + "'; parts: " + PARTS);
            }
        }
        if (args.length > 0 && args[0].equals("report")) {
            Reporter.renderExisting(out);
            return;
        }
        Files.createDirectories(out);
        if (hugePages) {
            HugePages.checkEnvironment(System.getenv(), Machine.transparentHugePages());
        }
        new Run(mode, out, parts, hugePages).execute();
    }

    /** @return the contenders the footprint is measured for: the zero-copy flavour shares ARENA's storage */
    static List<Contender> footprintContenders(List<Contender> available) {
        return available.stream().filter(c -> c != Contender.ARENA_ZERO_COPY).toList();
    }

    /** @return the contenders of the GC-impact run: arena-cache's two read paths against Caffeine */
    static List<Contender> gcContenders(List<Contender> available) {
        return List.of(Contender.ARENA, Contender.ARENA_ZERO_COPY, Contender.CAFFEINE).stream()
                .filter(available::contains).toList();
    }

    /** One suite run. */
    private record Run(SuiteMode mode, Path out, Set<String> parts, boolean hugePages) {

        void execute() throws IOException, RunnerException {
            List<Contender> contenders = availableContenders();
            Map<String, String> machine = Machine.describe();
            machine.put("mode", mode.name().toLowerCase(Locale.ROOT));
            machine.put("arenaEngine", contenders.contains(Contender.ARENA) ? "available"
                    : "NOT AVAILABLE (ArenaCache.build() failed on this build; arena-cache rows are missing)");
            machine.put("command", "java -jar benchmarks/target/arena-cache-benchmarks.jar "
                    + mode.name().toLowerCase(Locale.ROOT) + (hugePages ? " " + HugePages.OPTION : ""));
            machine.put("transparentHugePages", Machine.transparentHugePages());
            machine.put("hugePages", hugePages
                    ? "JMH forks: " + String.join(" ", HugePages.JVM_FLAGS) + ", GLIBC_TUNABLES=" + HugePages.GLIBC_TUNABLE
                    : "not requested (4 KiB pages unless the kernel's setting is 'always')");
            RunEstimate.Estimate estimate = RunEstimate.of(mode, parts, contenders);
            System.out.println("[suite] " + mode.name().toLowerCase(Locale.ROOT) + " run of " + parts + ": "
                    + estimate.describe());
            machine.put("estimatedMinutes", String.format(Locale.ROOT, "%.0f", estimate.totalSeconds() / 60));
            writeFacts(out.resolve("machine.properties"), machine);
            long started = System.nanoTime();

            if (parts.contains("hitratio")) {
                hitRatio(contenders.contains(Contender.ARENA));
            }
            if (parts.contains("footprint")) {
                footprint(contenders);
            }
            if (parts.contains("gc")) {
                gcImpact(contenders);
            }
            if (parts.contains("jmh")) {
                jmh(contenders);
            }
            machine.put("loadAverageAtEnd", Machine.loadAverage());
            machine.put("elapsedMinutes", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 6e10));
            writeFacts(out.resolve("machine.properties"), machine);
            Reporter.render(out);
        }

        private List<Contender> availableContenders() {
            List<Contender> contenders = new ArrayList<>(List.of(Contender.values()));
            try {
                ArenaSizing.bytesPerEntry(64);
            } catch (RuntimeException e) {
                System.err.println("[suite] arena-cache engine not usable, measuring the others only: " + e);
                contenders.remove(Contender.ARENA);
                contenders.remove(Contender.ARENA_ZERO_COPY);
            }
            return contenders;
        }

        private void hitRatio(boolean arenaAvailable) throws IOException {
            List<String> policies = arenaAvailable ? HitRatioSimulation.POLICIES
                    : HitRatioSimulation.POLICIES.stream().filter(p -> !p.equals("arena-cache")).toList();
            try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out.resolve("hit-ratio.csv")))) {
                csv.println(HitRatioSimulation.CSV_HEADER);
                for (String trace : LirsTraces.NAMES) {
                    System.out.println("[suite] hit ratio: " + trace);
                    HitRatioSimulation.simulate(trace, policies).forEach(row -> csv.println(row.csv()));
                }
            }
        }

        private void footprint(List<Contender> contenders) throws IOException {
            try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out.resolve("footprint.csv")));
                    PrintWriter growth = new PrintWriter(
                            Files.newBufferedWriter(out.resolve("footprint-heap-growth.txt")))) {
                csv.println(FootprintMeasurement.CSV_HEADER);
                for (int valueSize : FOOTPRINT_VALUE_SIZES) {
                    for (Contender contender : footprintContenders(contenders)) {
                        System.out.println("[suite] footprint: " + contender + " " + valueSize + " B");
                        List<String> lines = ChildJvm.run(List.of("-Xms256m", "-Xmx4g", "-XX:+UseG1GC"),
                                FootprintMeasurement.class, contender.name(), String.valueOf(mode.footprintEntries),
                                String.valueOf(valueSize));
                        csv.println(lines.getLast());
                        csv.flush();
                        growth.println(contender + " " + valueSize + " B:");
                        lines.stream().filter(l -> l.startsWith(FootprintMeasurement.GROWTH_PREFIX))
                                .forEach(l -> growth.println("  " + l.substring(FootprintMeasurement.GROWTH_PREFIX
                                        .length())));
                        growth.flush();
                    }
                }
            }
        }

        private void gcImpact(List<Contender> contenders) throws IOException {
            try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out.resolve("gc-impact.csv")))) {
                csv.println(GcImpact.CSV_HEADER + ",heap,pauses,pauseTotalMs,pauseMaxMs,pauseCpuMs,pauseKinds,loadBefore,loadAfter,"
                        + "windowStartMs,windowEndMs");
                for (Contender contender : gcContenders(contenders)) {
                    System.out.println("[suite] GC impact: " + contender);
                    Path log = out.resolve("gc-" + contender.name().toLowerCase(Locale.ROOT) + ".log").toAbsolutePath();
                    String heap = mode.gcHeapGigabytes + "g";
                    List<String> flags = new ArrayList<>(List.of("-Xms" + heap, "-Xmx" + heap));
                    flags.addAll(GC_JVM_FLAGS);
                    flags.add("-Xlog:gc,gc+cpu:file=" + log + ":uptime");
                    String loadBefore = Machine.loadAverageOneMinute();
                    List<String> lines = ChildJvm.run(flags, GcImpact.class, contender.name(),
                            String.valueOf(mode.gcDataBytes), String.valueOf(GC_VALUE_SIZE),
                            String.valueOf(mode.gcWarmupSeconds), String.valueOf(mode.gcSeconds));
                    String loadAfter = Machine.loadAverageOneMinute();
                    String[] window = lines.stream().filter(l -> l.startsWith("window ")).findFirst()
                            .orElseThrow(() -> new IllegalStateException("GcImpact printed no window: " + lines))
                            .split(" ");
                    GcLog.Pauses pauses = GcLog.pauses(log, Long.parseLong(window[1]), Long.parseLong(window[2]));
                    csv.println(lines.getLast() + String.format(Locale.ROOT, ",%s,%d,%.3f,%.3f,%.0f,%s,%s,%s,%s,%s",
                            heap, pauses.count(), pauses.totalMillis(), pauses.maxMillis(), pauses.cpuMillis(),
                            pauses.kindsSummary(),
                            loadBefore, loadAfter, window[1], window[2]));
                    csv.flush();
                }
            }
        }

        private void jmh(List<Contender> contenders) throws IOException, RunnerException {
            List<RunResult> results = new ArrayList<>();
            for (JmhPlan.Invocation invocation : JmhPlan.of(mode, contenders).invocations()) {
                results.addAll(runJmh(invocation));
                // Written after every invocation, so an interrupted full run still leaves its finished numbers.
                writeJmhCsv(results);
            }
        }

        private Collection<RunResult> runJmh(JmhPlan.Invocation invocation) throws RunnerException {
            Mode jmhMode = invocation.mode();
            int threads = invocation.threads();
            String tag = invocation.include().replaceAll("[^A-Za-z0-9]+", "-") + "t" + threads + "-"
                    + jmhMode.shortLabel();
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include(invocation.include())
                    .param("contender", invocation.contenders().stream().map(Contender::name).toArray(String[]::new))
                    .param("entries", invocation.entries().stream().map(String::valueOf).toArray(String[]::new))
                    .param("valueSize", invocation.valueSizes().stream().map(String::valueOf).toArray(String[]::new))
                    .mode(jmhMode)
                    .timeUnit(jmhMode == Mode.Throughput ? TimeUnit.SECONDS : TimeUnit.NANOSECONDS)
                    .warmupIterations(mode.warmupIterations)
                    .warmupTime(TimeValue.seconds(mode.iterationSeconds))
                    .measurementIterations(mode.measurementIterations)
                    .measurementTime(TimeValue.seconds(mode.iterationSeconds))
                    .forks(1)
                    .threads(threads)
                    .addProfiler(GCProfiler.class)
                    .output(out.resolve("jmh-" + tag + ".log").toString())
                    .result(out.resolve("jmh-" + tag + ".json").toString())
                    .resultFormat(ResultFormatType.JSON);
            if (hugePages) {
                // Replaces the @Fork flags (JMH does not add to them), so the base flags are passed as well.
                options = options.jvmArgsAppend(ForkFlags.with(HugePages.JVM_FLAGS));
            }
            System.out.println("[suite] jmh: " + tag + ", " + invocation.forks() + " forks (progress in "
                    + out.resolve("jmh-" + tag + ".log") + ")");
            return new Runner(options.build()).run();
        }

        private void writeJmhCsv(List<RunResult> results) throws IOException {
            try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out.resolve("jmh.csv")))) {
                csv.println(Reporter.JMH_CSV_HEADER);
                for (RunResult result : results) {
                    var params = result.getParams();
                    Result<?> primary = result.getPrimaryResult();
                    Result<?> alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
                    boolean sampling = params.getMode() == Mode.SampleTime;
                    var statistics = primary.getStatistics();
                    String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
                    csv.println(String.format(Locale.ROOT, "%s,%s,%d,%s,%s,%s,%.3f,%.3f,%s,%s,%s,%s,%s", method,
                            params.getMode().shortLabel(), params.getThreads(), params.getParam("contender"),
                            params.getParam("entries"), params.getParam("valueSize"), primary.getScore(),
                            primary.getScoreError(), primary.getScoreUnit(),
                            alloc == null ? "" : String.format(Locale.ROOT, "%.2f", alloc.getScore()),
                            sampling ? format(statistics.getPercentile(50)) : "",
                            sampling ? format(statistics.getPercentile(99)) : "",
                            sampling ? format(statistics.getPercentile(99.9)) : ""));
                }
            }
        }

        private static String format(double value) {
            return String.format(Locale.ROOT, "%.1f", value);
        }

        private static void writeFacts(Path file, Map<String, String> facts) throws IOException {
            List<String> lines = new ArrayList<>();
            facts.forEach((key, value) -> lines.add(key + "=" + value.replace("\n", " ")));
            Files.write(file, lines);
        }
    }
}
