package io.quarkiverse.arenacache.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * Checks the native-image sources the build generated with {@code quarkus.native.sources-only} (see the
 * {@code native-sources} execution in the pom): the options shared arenas need are passed to native-image.
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
