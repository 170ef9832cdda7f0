package io.quarkiverse.arenacache.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * Checks the native-image sources the build generated with {@code quarkus.native.sources-only} (see the
 * {@code native-sources} execution in the pom): the options shared arenas need are passed to native-image, and the
 * registry of open caches is initialized at run time.
 */
class NativeImageArgsIT {

    private static final Path SOURCES = Path.of("target", "native-sources");
    private static final List<String> OPTIONS = List.of("-H:+UnlockExperimentalVMOptions", "-H:+SharedArenaSupport",
            "-H:-UnlockExperimentalVMOptions");

    @Test
    void nativeImageArgsEnableSharedArenas() throws IOException {
        Path args = SOURCES.resolve("native-image.args");
        assertThat(args).exists();
        List<String> options = List.of(Files.readString(args).trim().split("\\s+"));
        int shared = options.indexOf("-H:+SharedArenaSupport");
        assertThat(shared).as("-H:+SharedArenaSupport in %s", options).isPositive();
        assertThat(options.subList(shared - 1, shared + 2)).isEqualTo(OPTIONS);
    }

    /**
     * Quarkus initializes classes at image build time unless told otherwise, and the classes it is told about are
     * listed (by name) in the generated {@code io.quarkus.runner.Feature}. The registry of open caches must never be
     * initialized into the image heap: it refers to caches, which hold off-heap memory.
     */
    @Test
    void openCacheRegistryIsInitializedAtRunTime() throws IOException {
        Path runner;
        try (var files = Files.list(SOURCES)) {
            runner = files.filter(p -> p.getFileName().toString().endsWith("-runner.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no runner jar in " + SOURCES));
        }
        try (ZipFile zip = new ZipFile(runner.toFile())) {
            var entry = zip.getEntry("io/quarkus/runner/Feature.class");
            assertThat(entry).as("generated native-image Feature").isNotNull();
            // class file constants are modified UTF-8: plain ASCII class names appear as they are
            String constants = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(constants).contains("io.quarkiverse.arenacache.runtime.LiveCaches");
        }
    }

    @Test
    void runtimeJarCarriesTheOptionsForNativeImageToo() throws IOException {
        Path runtimeJar;
        try (var jars = Files.list(SOURCES.resolve("lib"))) {
            runtimeJar = jars
                    .filter(p -> p.getFileName().toString().startsWith("io.quarkiverse.arenacache.quarkus-arena-cache-"))
                    .findFirst().orElseThrow(() -> new AssertionError("runtime jar not in " + SOURCES.resolve("lib")));
        }
        try (ZipFile zip = new ZipFile(runtimeJar.toFile())) {
            var entry = zip.getEntry(
                    "META-INF/native-image/io.quarkiverse.arenacache/quarkus-arena-cache/native-image.properties");
            assertThat(entry).isNotNull();
            String properties = new String(zip.getInputStream(entry).readAllBytes());
            assertThat(properties).contains(String.join(" ", OPTIONS));
        }
    }
}
