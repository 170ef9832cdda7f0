package io.quarkiverse.arenacache.examples.basic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the example's Dockerfiles without a Docker engine (there is none on the build machines): every path a
 * Dockerfile copies must exist, in the build context ({@code examples/basic}), after the package command the
 * Dockerfile's header names, and must not be hidden by {@code .dockerignore}.
 * <p>
 * Runs in the {@code integration-test} phase, after {@code package} has written {@code target/quarkus-app}.
 * <p>
 * JVM: the copied fast-jar paths are checked against the real {@code target/quarkus-app}. Native: there is no GraalVM
 * here, so no executable is built; instead the test checks that the {@code COPY} source pattern matches the name the
 * native build would produce: {@code <finalName><runner-suffix>}, read from the POM and the application's
 * configuration, and confirmed by the image name in the {@code native-image.args} that a native-sources build (run by
 * the POM, no GraalVM needed) writes. That {@code native-image} then writes a file of that name is GraalVM's
 * behaviour, not observed here.
 */
class DockerfilesIT {

    private static final Path CONTEXT = Path.of("").toAbsolutePath();
    private static final Path DOCKER_DIR = CONTEXT.resolve("src/main/docker");

    private static DockerIgnore dockerIgnore;

    @BeforeAll
    static void readDockerIgnore() throws IOException {
        dockerIgnore = new DockerIgnore(CONTEXT.resolve(".dockerignore"));
    }

    @Test
    void everyExpectedDockerfileExists() throws IOException {
        try (Stream<Path> files = Files.list(DOCKER_DIR)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("Dockerfile.jvm", "Dockerfile.native", "Dockerfile.native-micro");
        }
    }

    @Test
    void jvmDockerfileCopiesTheWholeFastJarLayout() throws IOException {
        Dockerfile dockerfile = Dockerfile.parse(DOCKER_DIR.resolve("Dockerfile.jvm"));
        assertThat(dockerfile.last("FROM")).startsWith("registry.access.redhat.com/ubi9/openjdk-25-runtime:");
        assertThat(dockerfile.last("USER")).isEqualTo("185");

        List<Path> copied = new ArrayList<>();
        for (Dockerfile.Copy copy : dockerfile.copies()) {
            assertThat(copy.flags()).as("%s", copy).contains("--chown=185");
            for (String source : copy.sources()) {
                List<Path> matches = existingMatches(source);
                assertThat(matches).as("files matching COPY source %s after ./mvnw package", source).isNotEmpty();
                copied.addAll(matches);
            }
        }
        // Everything quarkus-run.jar needs at run time is in one of the copied paths.
        Path quarkusApp = CONTEXT.resolve("target/quarkus-app");
        assertThat(copied).contains(quarkusApp.resolve("quarkus-run.jar"), quarkusApp.resolve("lib"),
                quarkusApp.resolve("app"), quarkusApp.resolve("quarkus"));
        assertThat(Files.list(quarkusApp.resolve("lib/main")).count()).as("libraries in lib/main").isPositive();
        assertThat(dockerfile.arguments("ENV")).anyMatch(env -> env.contains("/deployments/quarkus-run.jar"));
    }

    @Test
    void nativeDockerfilesCopyTheExecutableTheNativeBuildProduces() throws IOException {
        Path expectedRunner = CONTEXT.relativize(buildDirectory()).resolve(finalName() + runnerSuffix());
        for (String name : List.of("Dockerfile.native", "Dockerfile.native-micro")) {
            Dockerfile dockerfile = Dockerfile.parse(DOCKER_DIR.resolve(name));
            assertThat(dockerfile.last("FROM")).as(name).containsAnyOf("/ubi9/", "/ubi9-");
            assertThat(dockerfile.last("USER")).as(name).isEqualTo("1001");
            List<Dockerfile.Copy> copies = dockerfile.copies();
            assertThat(copies).as(name).hasSize(1);
            Dockerfile.Copy copy = copies.getFirst();
            assertThat(copy.sources()).as(name).hasSize(1);
            assertThat(copy.hasFlag("--chown=1001")).as(name).isTrue();
            PathMatcher source = FileSystems.getDefault().getPathMatcher("glob:" + copy.sources().getFirst());
            assertThat(source.matches(expectedRunner)).as("%s: COPY %s matches %s", name, copy.sources(),
                    expectedRunner).isTrue();
            assertThat(dockerIgnore.excludes(expectedRunner)).as(".dockerignore hides " + expectedRunner).isFalse();
            assertThat(copy.destination()).isEqualTo("/work/application");
            assertThat(dockerfile.last("ENTRYPOINT")).contains("./application");
        }
    }

    @Test
    void nativeBuildUsesTheExecutableNameTheDockerfilesExpect() throws IOException {
        Path args = buildDirectory().resolve("native-sources/native-image.args");
        assertThat(args).as("native-image.args from the native-sources build").exists();
        List<String> options = List.of(Files.readString(args).strip().split("\\s+"));
        String runner = finalName() + runnerSuffix();
        assertThat(options).as("image name in %s", args).contains(runner);
        assertThat(options).as("the extension's shared-arena option").contains("-H:+SharedArenaSupport");
    }

    @Test
    void dockerIgnoreHidesSourcesButNotTheApplication() {
        assertThat(dockerIgnore.excludes(Path.of("src/main/java"))).isTrue();
        assertThat(dockerIgnore.excludes(Path.of("target/quarkus-app/lib/main/x.jar"))).isFalse();
    }

    /** @return the files and directories in the build context matching a COPY source, none hidden by .dockerignore */
    private static List<Path> existingMatches(String source) throws IOException {
        Path literal = CONTEXT.resolve(source);
        if (!source.contains("*") && !source.contains("?") && !source.contains("[")) {
            assertThat(dockerIgnore.excludes(CONTEXT.relativize(literal))).as(".dockerignore hides " + source)
                    .isFalse();
            return Files.exists(literal) ? List.of(literal.normalize()) : List.of();
        }
        Path parent = CONTEXT.resolve(source).getParent();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + source.replaceAll("/$", ""));
        try (Stream<Path> children = Files.exists(parent) ? Files.list(parent) : Stream.empty()) {
            List<Path> matches = children.filter(child -> matcher.matches(CONTEXT.relativize(child))).toList();
            for (Path match : matches) {
                assertThat(dockerIgnore.excludes(CONTEXT.relativize(match))).as(".dockerignore hides " + match)
                        .isFalse();
            }
            return matches;
        }
    }

    private static String finalName() {
        String finalName = System.getProperty("project.build.finalName");
        assertThat(finalName).as("system property project.build.finalName, set by the POM's failsafe configuration")
                .isNotBlank();
        return finalName;
    }

    private static Path buildDirectory() {
        String directory = System.getProperty("project.build.directory");
        assertThat(directory).as("system property project.build.directory").isNotBlank();
        return Path.of(directory);
    }

    /** Quarkus names the executable {@code <output-name><runner-suffix>}; the example keeps both defaults. */
    private static String runnerSuffix() throws IOException {
        Properties config = new Properties();
        try (InputStream in = Files.newInputStream(CONTEXT.resolve("src/main/resources/application.properties"))) {
            config.load(in);
        }
        assertThat(config.stringPropertyNames()).as("the check assumes the default native executable name")
                .noneMatch(key -> key.endsWith("quarkus.package.output-name")
                        || key.endsWith("quarkus.package.runner-suffix"));
        return "-runner";
    }
}
