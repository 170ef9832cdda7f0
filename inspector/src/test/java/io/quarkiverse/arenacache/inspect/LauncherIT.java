package io.quarkiverse.arenacache.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged tool the way a user does: {@code src/main/bin/arena-cache-inspect}, which finds Java through
 * {@code JAVA_HOME} and runs {@code target/arena-cache-inspect.jar}. Runs after {@code package}, in {@code verify}.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of(System.getProperty("inspect.launcher",
            "src/main/bin/arena-cache-inspect"));
    private static final Path JAR = Path.of(System.getProperty("inspect.jar", "target/arena-cache-inspect.jar"));
    private static final String JAVA_HOME = System.getProperty("inspect.java-home", System.getProperty("java.home"));

    private StubServer stub;

    @BeforeEach
    void startStub() {
        stub = new StubServer()
                .json("/q/arena-cache", 200, "snapshot-all.json")
                .json("/q/arena-cache/orders", 404, "unknown-cache.json");
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void theRunnableJarExistsAndTheLauncherIsExecutable() {
        assertThat(JAR).isRegularFile();
        assertThat(Files.isExecutable(LAUNCHER)).as(LAUNCHER + " is executable").isTrue();
    }

    @Test
    void printsTheTableThroughTheLauncher() throws Exception {
        Run run = launch(Map.of("JAVA_HOME", JAVA_HOME), "--url", stub.snapshotUrl());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("3 caches, 3,451 entries");
    }

    @Test
    void exitCodesReachTheShell() throws Exception {
        Run run = launch(Map.of("JAVA_HOME", JAVA_HOME), "--url", stub.snapshotUrl(), "--cache", "orders");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.UNKNOWN_CACHE);
        assertThat(run.err()).contains("Available caches: users, products, sessions.");
    }

    @Test
    void versionComesFromTheBuild() throws Exception {
        Run run = launch(Map.of("JAVA_HOME", JAVA_HOME), "--version");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).startsWith("arena-cache-inspect 999-SNAPSHOT");
    }

    @Test
    void aJavaHomeWithoutJavaIsReportedClearly(@org.junit.jupiter.api.io.TempDir Path notAJdk) throws Exception {
        Run run = launch(Map.of("JAVA_HOME", notAJdk.toString()), "--version");

        assertThat(run.exitCode()).isEqualTo(ExitCode.INTERNAL_ERROR);
        assertThat(run.err()).contains("JAVA_HOME is set to '" + notAJdk + "'", "JDK or JRE 25 or newer");
    }

    @Test
    void anOlderJavaIsRefusedBeforeItFailsOnClassVersions(@org.junit.jupiter.api.io.TempDir Path fakeJdk)
            throws Exception {
        // A JDK layout whose release file says 17: the launcher must refuse it without starting it.
        Path bin = Files.createDirectories(fakeJdk.resolve("bin"));
        Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\necho started >&2\nexit 99\n");
        assumeThat(java.toFile().setExecutable(true)).isTrue();
        Files.writeString(fakeJdk.resolve("release"), "JAVA_VERSION=\"17.0.12\"\n");

        Run run = launch(Map.of("JAVA_HOME", fakeJdk.toString()), "--version");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INTERNAL_ERROR);
        assertThat(run.err()).contains("is Java 17; arena-cache-inspect needs Java 25 or newer")
                .doesNotContain("started");
    }

    private static Run launch(Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toAbsolutePath().toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.environment().put("ARENA_CACHE_INSPECT_JAR", JAR.toAbsolutePath().toString());
        Path out = Files.createTempFile("inspect-out", ".txt");
        Path err = Files.createTempFile("inspect-err", ".txt");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the launcher did not finish within 60s");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private record Run(int exitCode, String out, String err) {
    }
}
