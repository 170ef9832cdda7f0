package io.quarkiverse.arenacache.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the numbers were measured on, written next to them. */
final class Machine {

    private Machine() {
    }

    static Map<String, String> describe() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("measuredAt", Instant.now().toString());
        facts.put("cpus", String.valueOf(Runtime.getRuntime().availableProcessors()));
        facts.put("cpuModel", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        facts.put("memTotal", firstValue(Path.of("/proc/meminfo"), "MemTotal"));
        facts.put("loadAverage", read(Path.of("/proc/loadavg")));
        facts.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version"));
        facts.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        return facts;
    }

    /** @return the kernel's transparent huge page setting (the bracketed word is the active one), or "unknown" */
    static String transparentHugePages() {
        return read(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));
    }

    static String loadAverage() {
        return read(Path.of("/proc/loadavg"));
    }

    /** @return the 1-minute load average, or "unknown" */
    static String loadAverageOneMinute() {
        return loadAverage().split(" ")[0];
    }

    private static String firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
