package io.quarkiverse.arenacache.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReporterTest {

    @Test
    void rendersTablesAndChecksTargetsAgainstTheMeasurements(@TempDir Path folder) throws IOException {
        Files.write(folder.resolve("machine.properties"), List.of("command=java -jar x.jar quick", "cpus=2"));
        Files.write(folder.resolve("jmh.csv"), List.of(Reporter.JMH_CSV_HEADER,
                "getHit,thrpt,1,ARENA,4194304,64,8000000.0,10.0,ops/s,72.00,,,",
                "getHit,thrpt,1,ARENA_ZERO_COPY,4194304,64,12000000.0,10.0,ops/s,0.01,,,",
                "getHit,thrpt,1,CAFFEINE,4194304,64,10000000.0,10.0,ops/s,0.02,,,",
                "getHit,thrpt,1,OHC,4194304,64,1000000.0,10.0,ops/s,120.00,,,",
                "getHit,sample,1,ARENA,4194304,64,90.0,1.0,ns/op,,80.0,300.0,2000.0"));
        Files.write(folder.resolve("hit-ratio.csv"), List.of("trace,accesses,distinct,capacity,policy,hitRatio,"
                + "meanResident", "cs,100,50,10,arena-cache,0.30,9.5", "cs,100,50,10,Caffeine,0.35,10.0",
                "cs,100,50,10,LRU,0.20,10.0", "cs,100,50,20,arena-cache,0.50,19.0", "cs,100,50,20,Caffeine,0.50,20",
                "cs,100,50,20,LRU,0.55,20"));

        Reporter.render(folder);

        String report = Files.readString(folder.resolve("report.md"));
        assertThat(report).contains("| get-hit ≥ 1.0× Caffeine, 4194304 entries, 64 B, 1 thread (object API / zero-copy)"
                + " | 0.80× / 1.20× | **not met** |");
        assertThat(report).contains("| get-hit ≥ 5× OHC, 4194304 entries, 64 B, 1 thread (object API / zero-copy) |"
                + " 8.00× / 12.00× | met |");
        assertThat(report).contains("0 B/op on the zero-copy hit path, 4194304 entries, 64 B | 0.010 B/op | met");
        assertThat(report).contains("1 of 2 cells; below: cs@10 (-5.0 pt)");
        assertThat(report).contains("never below LRU | 1 of 2 cells; below: cs@20 (-5.0 pt) | **not met**");
        assertThat(report).contains("| 4194304 | 64 B | 1 | 8.00M ± 10 (72.00)");
        assertThat(report).contains("80.0 / 300.0 / 2000.0");
        assertThat(report).contains("Command: `java -jar x.jar quick --only jmh`");
        assertThat(folder.resolve("hit-ratio.png")).exists().isNotEmptyFile();
        assertThat(Files.readString(folder.resolve("report.adoc"))).contains("== arena-cache benchmark report")
                .contains("|4194304 |64 B |1 |8.00M ± 10 (72.00)").doesNotContain("|---|");
    }

    @Test
    void rendersWhateverPartsExist(@TempDir Path folder) throws IOException {
        Reporter.render(folder);
        assertThat(Files.readString(folder.resolve("report.md"))).contains("# arena-cache benchmark report")
                .doesNotContain("## Throughput");
    }
}
