package io.quarkiverse.arenacache.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReporterTest {

    /** From the repository root the default folder is the wrong one: that must not give an empty report. */
    @Test
    void reRenderingAFolderWithoutResultsFailsAndSaysWhereTheyAre(@TempDir Path folder) {
        assertThatThrownBy(() -> Reporter.renderExisting(folder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No benchmark results in")
                .hasMessageContaining("--out benchmarks/target/benchmark-results");
        assertThat(folder.resolve("report.md")).doesNotExist();
    }

    @Test
    void rendersTablesAndChecksTargetsAgainstTheMeasurements(@TempDir Path folder) throws IOException {
        writeRun(folder, "java -jar x.jar quick",
                "getHit,thrpt,1,ARENA,4194304,64,8000000.0,10.0,ops/s,72.00,,,",
                "getHit,thrpt,1,ARENA_ZERO_COPY,4194304,64,12000000.0,10.0,ops/s,0.01,,,",
                "getHit,thrpt,1,CAFFEINE,4194304,64,10000000.0,10.0,ops/s,0.02,,,",
                "getHit,thrpt,1,OHC,4194304,64,1000000.0,10.0,ops/s,120.00,,,",
                "getHit,sample,1,ARENA,4194304,64,90.0,1.0,ns/op,,80.0,300.0,2000.0");
        Files.write(folder.resolve("hit-ratio.csv"), List.of("trace,accesses,distinct,capacity,policy,hitRatio,"
                + "meanResident", "cs,100,50,10,arena-cache,0.30,9.5", "cs,100,50,10,Caffeine,0.35,10.0",
                "cs,100,50,10,Caffeine (initialCapacity),0.305,10.0", "cs,100,50,10,LRU,0.20,10.0",
                "cs,100,50,20,arena-cache,0.50,19.0", "cs,100,50,20,Caffeine,0.50,20",
                "cs,100,50,20,Caffeine (initialCapacity),0.52,20", "cs,100,50,20,LRU,0.55,20"));

        Files.write(folder.resolve("gc-impact.csv"), List.of("contender,dataBytes,valueSize,entries,seconds,gets,"
                + "getP50ns,getP99ns,getP999ns,getMaxNs,heap,pauses,pauseTotalMs,pauseMaxMs,pauseCpuMs,pauseKinds,"
                + "loadBefore,loadAfter,windowStartMs,windowEndMs",
                "ARENA_ZERO_COPY,4294967296,1024,4194304,60,100,400,900,3000,9000,8g,3,30.000,20.000,10,Young=3,"
                + "4.0,3.5,1000,61000",
                "CAFFEINE,4294967296,1024,4194304,60,100,600,15000,60000,90000,8g,50,5000.000,400.000,4000,"
                + "Young=23;Mixed=16;Remark=5;Cleanup=6,3.5,6.0,1000,61000"));

        Files.write(folder.resolve("footprint.csv"), List.of("contender,entries,valueSize,resident,heapBytesPerEntry,"
                + "rssBytesPerEntry,payloadBytesPerEntry,budgetSlack", "ARENA,1000000,64,1000000,6.33,251.08,72,1.00"));
        Files.write(folder.resolve("footprint-heap-growth.txt"), List.of("ARENA 64 B:",
                "  [J instances=2 bytes=3145760 bytesPerEntry=3.146",
                "  all-classes bytes=3200000 heapUsedGrowth=6327296 notInObjects=3127296 (the before snapshot)",
                "CAFFEINE 64 B:", "  [B instances=1000825 bytes=80049584 bytesPerEntry=80.050"));

        Reporter.render(folder);

        String report = Files.readString(folder.resolve("report.md"));
        assertThat(report).contains("| get-hit ≥ 1.0× Caffeine, 4194304 entries, 64 B, 1 thread (object API / zero-copy)"
                + " | 0.80× / 1.20× | **not met** |");
        assertThat(report).contains("| get-hit ≥ 5× OHC, 4194304 entries, 64 B, 1 thread (object API / zero-copy) |"
                + " 8.00× / 12.00× | met |");
        assertThat(report).contains("0 B/op on the zero-copy hit path, 4194304 entries, 64 B | 0.010 B/op | met");
        assertThat(report).contains("1 of 2 cells; below: cs@10 (-5.0 pt)");
        assertThat(report).contains("never below LRU | 1 of 2 cells; below: cs@20 (-5.0 pt) | **not met**");
        assertThat(report).contains("| … and of Caffeine built with `initialCapacity` (its sketch counts from the first"
                + " access, as arena-cache's) | 1 of 2 cells; below: cs@20 (-2.0 pt) | **not met** |");
        assertThat(report).contains("| capacity | arena-cache | Caffeine | Caffeine (initialCapacity) | LRU |")
                .contains("| 10 | 30.00 | 35.00 | 30.50 | 20.00 | -5.00 | 9.5 |");
        assertThat(report).contains("| 4194304 | 64 B | 1 | 8.00M ± 10 (72.00)");
        assertThat(report).contains("80.0 / 300.0 / 2000.0");
        assertThat(report).contains("Command: `java -jar x.jar quick --only jmh`");
        assertThat(report).contains("| total GC pause ≤ 0.1× Caffeine's with 4096 MiB cached (ARENA_ZERO_COPY reads) |"
                + " 30.0 ms vs 5000.0 ms (0.006×) | met |");
        assertThat(report).contains("| 5000.000 | 400.000 | 4000 |").contains("Young=23, Mixed=16, Remark=5, Cleanup=6")
                .contains("| 3.5 / 6.0 |");
        assertThat(report).contains("- ARENA 64 B: `[J` +3145760 B, heap used grew 6327296 B, live objects 3200000 B")
                .doesNotContain("80049584");
        assertThat(folder.resolve("hit-ratio.png")).exists().isNotEmptyFile();
        assertThat(Files.readString(folder.resolve("report.adoc"))).contains("== arena-cache benchmark report")
                .contains("|4194304 |64 B |1 |8.00M ± 10 (72.00)").doesNotContain("|---|");
    }

    @Test
    void marksNoisyForksAndTheVerdictsThatRestOnThem(@TempDir Path folder) throws IOException {
        writeRun(folder, "java -jar x.jar full",
                "getHit,thrpt,1,ARENA,16384,64,10000000.0,2500000.0,ops/s,80.00,,,",
                "getHit,thrpt,1,ARENA_ZERO_COPY,16384,64,20000000.0,2490000.0,ops/s,0.00,,,",
                "getHit,thrpt,1,CAFFEINE,16384,64,20000000.0,1000000.0,ops/s,0.02,,,",
                "getHit,thrpt,1,OHC,16384,64,5000000.0,200000.0,ops/s,128.00,,,",
                "putEvict,thrpt,1,ARENA,16384,64,2000000.0,100000.0,ops/s,16.00,,,",
                "putEvict,thrpt,1,CAFFEINE,16384,64,3000000.0,NaN,ops/s,16.00,,,");

        Reporter.render(folder);

        String report = Files.readString(folder.resolve("report.md"));
        // an error bar of a quarter of the score marks the fork; just under it does not
        assertThat(report).contains("| 16384 | 64 B | 1 | 10.00M ± 2.50M (80.00) noisy | 20.00M ± 2.49M (0.00) |");
        assertThat(report).contains("| get-hit ≥ 0.7× Caffeine, 16384 entries, 64 B, 1 thread (object API / zero-copy)"
                + " | 0.50× / 1.00× | **not met** (noisy fork: re-measure with more forks) |");
        assertThat(report).contains("| get-hit ≥ 5× OHC, 16384 entries, 64 B, 1 thread (object API / zero-copy)"
                + " | 2.00× / 4.00× | **not met** (noisy fork: re-measure with more forks) |");
        assertThat(report).contains("| 2.00M ± 100.0K (16.00) | 3.00M (16.00) |");
    }

    @Test
    void rendersWhateverPartsExist(@TempDir Path folder) throws IOException {
        Reporter.render(folder);
        assertThat(Files.readString(folder.resolve("report.md"))).contains("# arena-cache benchmark report")
                .doesNotContain("## Throughput");
    }

    /** Writes what a run leaves for the reporter to start from: its machine facts and its JMH rows. */
    private static void writeRun(Path folder, String command, String... jmhRows) throws IOException {
        Files.write(folder.resolve("machine.properties"), List.of("command=" + command, "cpus=2"));
        List<String> lines = new ArrayList<>(List.of(Reporter.JMH_CSV_HEADER));
        lines.addAll(List.of(jmhRows));
        Files.write(folder.resolve("jmh.csv"), lines);
    }
}
