package io.quarkiverse.arenacache.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What a user does, end to end: {@code quarkus:create} a fresh project, {@code quarkus:add-extension} this extension
 * by its coordinates, add code that injects a cache, and build it with its tests.
 * <p>
 * Offline-safe: the Quarkus registry is switched off ({@code -DquarkusRegistryClient=false}), so the project is
 * created from the platform BOM's descriptor in the Maven repository. This build's artifacts are installed by the POM
 * into {@code target/it-repository}, which the nested Maven runs use as their local repository, chained to the usual
 * one ({@code -Dmaven.repo.local.tail}) so nothing is downloaded twice and the shared repository is never written.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionInstallIT {

    private static final long STEP_TIMEOUT_MINUTES = 9;

    private static Path work;
    private static Path app;

    @BeforeAll
    static void cleanWorkDirectory() throws IOException {
        work = Path.of(required("it.work.directory"));
        if (Files.exists(work)) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(work);
        app = work.resolve("arena-app");
    }

    @Test
    @Order(1)
    void createsAFreshProjectWithoutTheRegistry() throws Exception {
        maven(work, "io.quarkus:quarkus-maven-plugin:" + required("it.quarkus.version") + ":create",
                "-DprojectGroupId=org.acme", "-DprojectArtifactId=arena-app", "-DplatformGroupId=io.quarkus",
                "-DplatformArtifactId=quarkus-bom", "-DplatformVersion=" + required("it.quarkus.version"),
                "-Dextensions=rest", "-DjavaVersion=25");
        assertThat(app.resolve("pom.xml")).exists();
        assertThat(Files.readString(app.resolve("pom.xml"))).doesNotContain("quarkus-arena-cache");
    }

    @Test
    @Order(2)
    void addsTheExtensionByItsCoordinates() throws Exception {
        String extension = required("it.extension");
        String log = maven(app, "quarkus:add-extension", "-Dextensions=" + extension);
        assertThat(log).contains("Extension " + extension + " has been installed");

        String pom = Files.readString(app.resolve("pom.xml"));
        assertThat(pom).contains("<groupId>io.quarkiverse.arenacache</groupId>")
                .contains("<artifactId>quarkus-arena-cache</artifactId>");
    }

    @Test
    @Order(3)
    void buildsAndTestsAnApplicationThatInjectsACache() throws Exception {
        copyResource("app/QuoteResource.java", app.resolve("src/main/java/org/acme/QuoteResource.java"));
        copyResource("app/QuoteResourceTest.java", app.resolve("src/test/java/org/acme/QuoteResourceTest.java"));
        // Tests pick a free port: several builds may share the machine.
        Files.writeString(app.resolve("src/main/resources/application.properties"), "quarkus.http.test-port=0\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);

        String log = maven(app, "package");

        assertThat(log).contains("Tests run: 2, Failures: 0, Errors: 0").containsPattern(
                "Installed features: \\[[^]]*arena-cache");
        Path quarkusApp = app.resolve("target/quarkus-app");
        assertThat(quarkusApp.resolve("quarkus-run.jar")).exists();
        assertThat(quarkusApp.resolve("lib/main/io.quarkiverse.arenacache.quarkus-arena-cache-"
                + required("it.extension").substring(required("it.extension").lastIndexOf(':') + 1) + ".jar"))
                .exists();
    }

    /** Runs the repository's Maven wrapper in {@code directory}; fails with the log's tail when Maven fails. */
    private static String maven(Path directory, String... goalsAndProperties) throws Exception {
        List<String> command = new ArrayList<>(List.of(required("it.maven.wrapper"), "-B", "-ntp",
                "-Dmaven.repo.local=" + required("it.repository"),
                "-Dmaven.repo.local.tail=" + required("it.tail.repository"),
                "-DquarkusRegistryClient=false"));
        command.addAll(List.of(goalsAndProperties));
        Path log = work.resolve("maven-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // The nested build uses this JDK (25), whatever JAVA_HOME the outer build was started with.
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("MAVEN_ARGS");
        Process maven = builder.start();
        if (!maven.waitFor(STEP_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            maven.descendants().forEach(ProcessHandle::destroyForcibly);
            maven.destroyForcibly();
            throw new AssertionError("Maven did not finish in " + STEP_TIMEOUT_MINUTES + " minutes: " + command
                    + "\n" + tail(log));
        }
        String output = Files.readString(log);
        assertThat(maven.exitValue()).as("exit code of %s in %s; log %s:%n%s", command, directory, log, tail(log))
                .isZero();
        return output;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static void copyResource(String resource, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream in = ExtensionInstallIT.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("test resource " + resource).isNotNull();
            Files.copy(in, target);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        assertThat(value).as("system property %s (set by the POM's failsafe configuration)", property).isNotBlank();
        return value;
    }
}
