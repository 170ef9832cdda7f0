package io.quarkiverse.arenacache.benchmarks.suite;

import java.util.List;
import java.util.Map;

/**
 * The {@code --huge-pages} variant of a run: every contender's memory on 2 MiB transparent huge pages, so that a
 * random access to a multi-GB cache does not also pay a page walk. Both kinds of memory get them, so no contender is
 * favoured: the Java heap ({@code -XX:+UseTransparentHugePages}, Caffeine and CHM) and {@code malloc}'d memory, where
 * arena-cache's arenas, OHC and Ehcache's direct buffers live ({@code GLIBC_TUNABLES=glibc.malloc.hugetlb=1}, glibc
 * 2.35 or later; an environment variable, so {@code benchmarks/run.sh} sets it before the JVM starts and the forks
 * inherit it).
 */
final class HugePages {

    static final String OPTION = "--huge-pages";
    static final String GLIBC_TUNABLE = "glibc.malloc.hugetlb=1";
    /** Added to every JMH fork's flags in a huge-page run. */
    static final List<String> JVM_FLAGS = List.of("-XX:+UseTransparentHugePages");

    private HugePages() {
    }

    /**
     * Fails clearly when the environment does not give {@code malloc} huge pages: the run would otherwise favour the
     * heap-based contenders while claiming huge pages for all.
     */
    static void checkEnvironment(Map<String, String> environment, String transparentHugePageSetting) {
        String tunables = environment.getOrDefault("GLIBC_TUNABLES", "");
        if (!List.of(tunables.split(":")).contains(GLIBC_TUNABLE)) {
            throw new IllegalStateException(OPTION + " needs GLIBC_TUNABLES=" + GLIBC_TUNABLE
                    + " in the environment (benchmarks/run.sh sets it), so that off-heap contenders get huge pages too;"
                    + " GLIBC_TUNABLES is '" + tunables + "'");
        }
        if (!transparentHugePageSetting.contains("[always]") && !transparentHugePageSetting.contains("[madvise]")) {
            throw new IllegalStateException(OPTION + " needs transparent huge pages enabled ('always' or 'madvise' in"
                    + " /sys/kernel/mm/transparent_hugepage/enabled), found '" + transparentHugePageSetting.trim()
                    + "'");
        }
    }
}
