package io.quarkiverse.arenacache.benchmarks.gc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcLogTest {

    @Test
    void countsOnlyPausesInsideTheWindow(@TempDir Path folder) throws IOException {
        Path log = folder.resolve("gc.log");
        Files.write(log, List.of(
                "[0.010s] Using G1",
                "[1.000s] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->2M(256M) 9.000ms",
                "[1.000s] GC(0) User=0.05s Sys=0.00s Real=0.01s",
                "[2.500s] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 120M->80M(256M) 3.500ms",
                "[2.500s] GC(1) User=0.01s Sys=0.01s Real=0.00s",
                "[3.000s] GC(2) Concurrent Mark Cycle 40.000ms",
                "[3.100s] GC(2) Pause Remark 90M->90M(256M) 1.250ms",
                "[3.200s] GC(2) Pause Cleanup 90M->90M(256M) 0.250ms",
                "[3.200s] GC(2) User=0.00s Sys=0.01s Real=0.00s",
                "[4.000s] GC(3) Pause Young (Mixed) (G1 Evacuation Pause) 90M->60M(256M) 2.000ms",
                "[9.000s] GC(4) Pause Full (System.gc()) 90M->60M(256M) 50.000ms"));

        GcLog.Pauses pauses = GcLog.pauses(log, 2000, 8000);

        assertThat(pauses.count()).isEqualTo(4);
        assertThat(pauses.totalMillis()).isEqualTo(7.0);
        assertThat(pauses.maxMillis()).isEqualTo(3.5);
        assertThat(pauses.kindsSummary()).isEqualTo("Young=1;Remark=1;Cleanup=1;Mixed=1");
        assertThat(pauses.cpuMillis()).isCloseTo(30.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void countsAPauseThatStraddlesAWindowEdge(@TempDir Path folder) throws IOException {
        Path log = folder.resolve("gc.log");
        Files.write(log, List.of(
                "[1.990s] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->2M(256M) 9.000ms",
                "[2.005s] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 24M->2M(256M) 20.000ms",
                "[8.030s] GC(2) Pause Young (Normal) (G1 Evacuation Pause) 24M->2M(256M) 40.000ms",
                "[8.050s] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 24M->2M(256M) 40.000ms"));

        GcLog.Pauses pauses = GcLog.pauses(log, 2000, 8000);

        assertThat(pauses.count()).isEqualTo(2);
        assertThat(pauses.totalMillis()).isEqualTo(60.0);
    }
}
