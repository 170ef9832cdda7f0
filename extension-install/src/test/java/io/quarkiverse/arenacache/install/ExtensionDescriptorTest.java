package io.quarkiverse.arenacache.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * The extension descriptor the build generates into the runtime jar is complete: what tools (code.quarkus.io, the
 * Quarkus CLI, the extension catalog) read from it is present, and the capability is declared.
 */
class ExtensionDescriptorTest {

    private static final Path META_INF = Path.of("..", "runtime", "target", "classes", "META-INF");

    @Test
    void descriptorHasEveryFieldTheToolsShow() throws IOException {
        String yaml = Files.readString(META_INF.resolve("quarkus-extension.yaml"));
        assertThat(yaml)
                .contains("artifact: \"io.quarkiverse.arenacache:quarkus-arena-cache::jar:")
                .contains("name: \"Arena Cache\"")
                .containsPattern("description: \"Off-heap in-process cache[^\"]+\"")
                .containsPattern("short-name: \"arena-cache\"")
                .containsPattern("keywords:\\s*\\n\\s*- \"cache\"")
                .contains("guide: \"https://docs.quarkiverse.io/quarkus-arena-cache/dev/\"")
                .containsPattern("categories:\\s*\\n\\s*- \"data\"")
                .contains("status: \"experimental\"")
                .containsPattern("config:\\s*\\n\\s*- \"quarkus.arena-cache.\"");
    }

    @Test
    void runtimeArtifactNamesItsDeploymentAndProvidesItsCapability() throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(META_INF.resolve("quarkus-extension.properties"))) {
            properties.load(in);
        }
        assertThat(properties.getProperty("deployment-artifact"))
                .startsWith("io.quarkiverse.arenacache:quarkus-arena-cache-deployment:");
        assertThat(properties.getProperty("provides-capabilities")).isEqualTo("io.quarkiverse.arenacache");
    }

    @Test
    void catalogEntryNamesTheRuntimeArtifact() throws IOException {
        String entry = Files.readString(Path.of("..", "catalog", "extensions", "arena-cache.yaml"));
        assertThat(entry).containsPattern("(?m)^group-id: io\\.quarkiverse\\.arenacache$")
                .containsPattern("(?m)^artifact-id: quarkus-arena-cache$");
    }
}
