package io.quarkiverse.arenacache.benchmarks.jmh;

import java.util.List;

/**
 * The JVM flags every benchmark fork gets, identical for all contenders. The benchmarks' {@code @Fork} annotations
 * repeat them (an annotation cannot refer to a list; a test keeps the copies equal); a runner that adds flags must
 * pass these too, because JMH's {@code jvmArgsAppend} option replaces the annotation's instead of adding to it.
 */
public final class ForkFlags {

    public static final List<String> BASE = List.of("-Xms2g", "-Xmx8g", "-XX:+UseG1GC", "-XX:+AlwaysPreTouch",
            "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow");

    private ForkFlags() {
    }

    /** @return {@link #BASE} followed by {@code extra} */
    public static String[] with(List<String> extra) {
        return java.util.stream.Stream.concat(BASE.stream(), extra.stream()).toArray(String[]::new);
    }
}
