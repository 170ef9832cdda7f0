package io.quarkiverse.arenacache.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.arenacache.inspect.InspectorRun.Result;

/** The whole tool, run in-process against a local stub of the application's endpoints. */
class ArenaCacheInspectTest {

    private StubServer stub;
    private InspectorRun inspector;

    @BeforeEach
    void startStub() {
        stub = new StubServer()
                .json("/q/arena-cache", 200, "snapshot-all.json")
                .json("/q/arena-cache/users", 200, "snapshot-users.json")
                .json("/q/arena-cache/orders", 404, "unknown-cache.json")
                .route("/q/metrics", 200, "text/plain; version=0.0.4; charset=utf-8",
                        StubServer.resource("metrics.txt"));
        inspector = InspectorRun.against(stub.snapshotUrl());
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Nested
    class Table {

        @Test
        void listsEveryCacheWithHumanUnitsAndRatios() {
            Result result = inspector.run();

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.OK);
            assertThat(result.err()).isEmpty();
            assertThat(result.out().lines().findFirst().orElseThrow())
                    .containsSubsequence("CACHE", "ENTRIES", "USED / BUDGET", "HIT RATIO", "EVICTED", "EXPIRED",
                            "REJECTED", "LOADS");
            assertThat(line(result.out(), "users"))
                    .containsSubsequence("3,331", "12.3 MiB / 64.0 MiB", "93.0 %", "118", "57", "2",
                            "3,402 (12 failed)");
            assertThat(line(result.out(), "products"))
                    .containsSubsequence("120", "240.0 KiB / 16.0 MiB", "88.0 %", "0", "0", "0", "120");
            // Nothing looked up yet: no ratio rather than a misleading 0 %.
            // A closed cache has released its memory and has no numbers left.
            assertThat(line(result.out(), "sessions")).matches("sessions \\(closed\\)(\\s+-){7}");
            assertThat(result.out()).contains("3 caches, 3,451 entries, 12.5 MiB of 80.0 MiB off-heap budget in use");
            assertThat(stub.requests()).containsExactly("/q/arena-cache");
            assertThat(stub.acceptHeaders()).containsExactly("application/json");
        }

        @Test
        void saysSoWhenTheApplicationHasNoCaches() {
            stub.route("/q/arena-cache", 200, "application/json", "{\"caches\":[]}");

            Result result = inspector.run();

            assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
            assertThat(result.out()).isEqualTo("No arena caches in this application.\n");
        }

        @Test
        void urlWithoutPathGetsTheDefaultEndpointPath() {
            Result result = InspectorRun.against(stub.origin().toString()).run();

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.OK);
            assertThat(stub.requests()).containsExactly("/q/arena-cache");
        }

        @Test
        void jsonPrintsTheSnapshotAsReceivedPrettyPrinted() {
            Result result = inspector.run("--json");

            assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
            JsonNode printed = Json.parse(result.out()).orElseThrow();
            assertThat(printed).isEqualTo(Json.parse(StubServer.resource("snapshot-all.json")).orElseThrow());
            assertThat(result.out()).startsWith("{\n  \"caches\" : [");
        }
    }

    @Nested
    class Detail {

        @Test
        void showsSettingsStatsShardsAndGenerationBars() {
            Result result = inspector.run("--cache", "users");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.OK);
            assertThat(stub.requests()).containsExactly("/q/arena-cache/users");
            String out = result.out();
            assertThat(out).startsWith("Cache users\n");
            assertThat(line(out, "max memory")).endsWith("64.0 MiB (67,108,864 bytes)");
            assertThat(line(out, "expire after write")).endsWith("10m (PT10M)");
            assertThat(line(out, "generation bytes")).endsWith("8.0 MiB (8,388,608 bytes)");
            assertThat(line(out, "hit ratio")).endsWith("93.0 %");
            assertThat(line(out, "total load time")).endsWith("17.0s");
            assertThat(line(out, "average load time")).endsWith("4.98ms");
            assertThat(line(out, "budget in use")).endsWith("12.3 MiB of 64.0 MiB (19.2 %)");
            assertThat(out).containsSubsequence("Shards", "SHARD", "INDEX CAPACITY");
            assertThat(out).containsPattern("\\n\\s+0\\s+1,672\\s+6\\.2 MiB\\s+16\\.0 MiB\\s+4,096\\s+40\\.8 %\\n");
            // shard 0, epoch 5: 4.2 MB live and 6.1 MB written of 8 MiB -> 10 live cells, 5 dead, 5 free.
            assertThat(out).containsPattern("\\n\\s+5\\s+0\\s+\\[##########-----\\.\\.\\.\\.\\.\\]\\s+50\\.1 %");
            // the head generation is marked, slabs never allocated are said so and listed last
            assertThat(out).containsPattern("\\n\\s+>\\s+6\\s+1\\s+\\[#####-");
            String shard0 = out.substring(out.indexOf("  shard 0\n"), out.indexOf("  shard 1\n"));
            assertThat(shard0.lines().skip(2).map(row -> row.replace(">", "").strip().split("\\s+")[0]))
                    .containsExactly("5", "6", "0", "0");
            assertThat(shard0.lines().skip(4)).allMatch(row -> row.contains("[not allocated       ]"));
        }

        @Test
        void aClosedCacheSaysSo() {
            stub.route("/q/arena-cache/sessions", 200, "application/json",
                    "{\"name\":\"sessions\",\"closed\":true,\"settings\":null,\"stats\":null,\"shards\":[]}");

            Result result = inspector.run("--cache", "sessions");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.OK);
            assertThat(result.out()).isEqualTo("Cache sessions (closed)\n\nThe cache is closed: its off-heap memory is"
                    + " released and it has no settings or statistics any more.\n");
        }

        @Test
        void jsonPrintsTheOneCache() {
            Result result = inspector.run("--cache", "users", "--json");

            assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
            assertThat(Json.parse(result.out()).orElseThrow())
                    .isEqualTo(Json.parse(StubServer.resource("snapshot-users.json")).orElseThrow());
        }

        @Test
        void namesAreEncodedAsOnePathSegment() {
            stub.route("/q/arena-cache/my%20cache%2Fv2", 200, "application/json",
                    StubServer.resource("snapshot-users.json"));

            Result result = inspector.run("--cache", "my cache/v2");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.OK);
            assertThat(stub.requests()).containsExactly("/q/arena-cache/my%20cache%2Fv2");
        }
    }

    @Nested
    class Watch {

        @Test
        void countTwoPrintsTwoSnapshotsEachAfterATimestampLine() {
            Result result = inspector.run("--watch", "--count", "2", "--interval", "PT2S");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.OK);
            String first = "--- 2026-01-02T03:04:05Z  " + stub.snapshotUrl() + " ---\n";
            String second = "--- 2026-01-02T03:04:07Z  " + stub.snapshotUrl() + " ---\n";
            assertThat(result.out()).startsWith(first).containsOnlyOnce(second).doesNotContain(Watcher.CLEAR_SCREEN);
            assertThat(count(result.out(), "---\n")).isEqualTo(2);
            assertThat(count(result.out(), "3 caches, 3,451 entries")).isEqualTo(2);
            assertThat(stub.requests()).hasSize(2);
            // one wait between the two refreshes, none after the last
            assertThat(inspector.sleeps()).containsExactly(Duration.ofSeconds(2));
        }

        @Test
        void acceptsTheShortDurationForms() {
            Result result = inspector.run("--watch", "-n", "3", "-i", "500ms");

            assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
            assertThat(inspector.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500));
        }

        @Test
        void onATerminalClearsTheScreenBeforeEachFrame() {
            InspectorRun terminal = inspector.onTerminal();

            Result result = terminal.run("--watch", "--count", "2", "--interval", "1m", "--cache", "users");

            assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
            assertThat(count(result.out(), Watcher.CLEAR_SCREEN)).isEqualTo(2);
            assertThat(result.out()).startsWith(Watcher.CLEAR_SCREEN + "arena-cache-inspect  " + stub.snapshotUrl()
                    + "/users  every 1m  2026-01-02T03:04:05Z  (Ctrl+C to stop)\n\nCache users\n");
            assertThat(terminal.sleeps()).containsExactly(Duration.ofMinutes(1));
        }

        @Test
        void jsonFramesOutsideATerminalFormAStreamOfDocuments() {
            Result result = inspector.run("--watch", "--count", "2", "--json");

            assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
            assertThat(result.out()).doesNotContain("---");
            assertThat(count(result.out(), "\"caches\" :")).isEqualTo(2);
        }

        @Test
        void aFailingFirstRefreshEndsTheRunWithItsExitCode() {
            Result result = InspectorRun.against(stub.origin() + "/disabled").run("--watch", "--count", "5");

            assertThat(result.exitCode()).isEqualTo(ExitCode.ENDPOINT_NOT_FOUND);
            assertThat(result.out()).isEmpty();
            assertThat(stub.requests()).hasSize(1);
        }

        @Test
        void laterFailuresAreReportedAndRetried() {
            // The stub flips to an error after the first answer, as an application restarting in dev mode would.
            InspectorRun flaky = InspectorRun.against(stub.snapshotUrl());
            Environment.Sleeper breakAfterFirstFrame = duration -> stub.route("/q/arena-cache", 500, "text/plain",
                    "boom");
            Result result = flaky.runWith(breakAfterFirstFrame, "--watch", "--count", "2");

            assertThat(result.exitCode()).isEqualTo(ExitCode.UNEXPECTED_CONTENT);
            assertThat(count(result.out(), "3 caches, 3,451 entries")).isEqualTo(1);
            assertThat(result.err())
                    .contains("error (exit code 6): Unexpected answer from", "HTTP 500", "retrying in 2s");
        }
    }

    @Nested
    class Metrics {

        @Test
        void showsOnlyCacheMetersGroupedByCache() {
            Result result = inspector.run("--metrics");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.OK);
            assertThat(stub.requests()).containsExactly("/q/metrics");
            assertThat(stub.acceptHeaders().getFirst()).startsWith("text/plain");
            String out = result.out();
            assertThat(out).containsSubsequence("products\n", "users\n");
            assertThat(out).doesNotContain("http_server_requests", "jvm_memory", "cache_stub_info");
            String users = out.substring(out.indexOf("users\n"));
            assertThat(line(users, "cache_gets_total{result=\"hit\"}")).endsWith(" 45,210");
            assertThat(line(users, "cache_load_total{result=\"failure\"}")).endsWith(" 12");
            assertThat(line(users, "cache_eviction_weight_total")).endsWith("1,048,576 (1.0 MiB)");
            assertThat(line(users, "cache_load_duration_seconds")).endsWith(" 16.95");
            assertThat(line(users, "arena_cache_memory_used_bytes")).endsWith("12,897,485 (12.3 MiB)");
            assertThat(line(users, "arena_cache_memory_max_bytes")).endsWith("67,108,864 (64.0 MiB)");
            // standard meters first, each group by name
            assertThat(users.lines().map(String::strip).map(row -> row.split("[{ ]")[0]).skip(2).distinct())
                    .containsExactly("cache_eviction_weight_total", "cache_evictions_total", "cache_gets_total",
                            "cache_load_duration_seconds", "cache_load_total", "cache_puts_total", "cache_size",
                            "arena_cache_expirations_total", "arena_cache_explicit_removals_total",
                            "arena_cache_generation_rotations_total", "arena_cache_memory_committed_bytes",
                            "arena_cache_memory_max_bytes", "arena_cache_memory_used_bytes",
                            "arena_cache_rejections_total");
            assertThat(line(users, "arena_cache_generation_rotations_total")).endsWith(" 9");
        }

        @Test
        void metricsUrlFollowsTheSnapshotUrlsPathPrefix() {
            stub.json("/admin/arena-cache", 200, "snapshot-all.json")
                    .route("/admin/metrics", 200, "text/plain", "cache_size{cache=\"users\"} 1.0\n");

            Result result = InspectorRun.against(stub.origin() + "/admin/arena-cache").run("--metrics");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.OK);
            assertThat(stub.requests()).containsExactly("/admin/metrics");
        }

        @Test
        void metricsUrlCanBeGivenExplicitly() {
            stub.route("/prometheus", 200, "text/plain", "cache_size{cache=\"users\"} 7.0\n");

            Result result = inspector.run("--metrics", "--metrics-url", stub.origin() + "/prometheus");

            assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
            assertThat(result.out()).contains("users\n").containsPattern("cache_size\\s+7\\n");
        }

        @Test
        void cacheSelectsOneCachesMeters() {
            Result result = inspector.run("--metrics", "--cache", "products");

            assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
            assertThat(result.out()).startsWith("products\n").doesNotContain("users");
        }

        @Test
        void jsonGroupsTheMetersByCache() {
            Result result = inspector.run("--metrics", "--json");

            assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
            JsonNode json = Json.parse(result.out()).orElseThrow();
            assertThat(json.fieldNames()).toIterable().containsExactly("products", "users");
            JsonNode firstUsersMeter = json.get("users").get(0);
            assertThat(firstUsersMeter.get("name").asText()).isEqualTo("cache_eviction_weight_total");
            assertThat(firstUsersMeter.get("labels").size()).isZero();
            assertThat(firstUsersMeter.get("value").asDouble()).isEqualTo(1048576.0);
            JsonNode hits = json.get("users").get(2);
            assertThat(hits.get("name").asText()).isEqualTo("cache_gets_total");
            assertThat(hits.get("labels").get("result").asText()).isEqualTo("hit");
            assertThat(hits.get("value").asDouble()).isEqualTo(45210.0);
        }

        @Test
        void unknownCacheListsTheCachesThatHaveMeters() {
            Result result = inspector.run("--metrics", "--cache", "orders");

            assertThat(result.exitCode()).isEqualTo(ExitCode.UNKNOWN_CACHE);
            assertThat(result.err()).contains("No cache meters for 'orders'", "Meters exist for: products, users.");
        }

        @Test
        void noCacheMetersIsSaidPlainly() {
            stub.route("/q/metrics", 200, "text/plain", "jvm_threads_live_threads 12.0\n");

            Result result = inspector.run("--metrics");

            assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
            assertThat(result.out()).startsWith("No cache meters at " + stub.origin() + "/q/metrics");
        }

        @Test
        void missingPrometheusEndpointIsNotFound() {
            stub.route("/q/metrics", 404, "text/plain", "Resource not found");

            Result result = inspector.run("--metrics");

            assertThat(result.exitCode()).isEqualTo(ExitCode.ENDPOINT_NOT_FOUND);
            assertThat(result.err()).contains("/q/metrics answered HTTP 404", "quarkus-micrometer-registry-prometheus");
        }

        @Test
        void htmlInsteadOfMetricsIsUnexpectedContent() {
            stub.route("/q/metrics", 200, "text/html", StubServer.resource("welcome.html"));

            Result result = inspector.run("--metrics");

            assertThat(result.exitCode()).isEqualTo(ExitCode.UNEXPECTED_CONTENT);
            assertThat(result.err()).contains("not Prometheus metrics text", "line 1", "First bytes: <!DOCTYPE html>");
        }
    }

    @Nested
    class Failures {

        @Test
        void connectionRefusedNamesHostAndPort() throws IOException {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                closedPort = socket.getLocalPort();
            }

            Result result = InspectorRun.against("http://127.0.0.1:" + closedPort + "/q/arena-cache").run();

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.UNREACHABLE);
            assertThat(result.out()).isEmpty();
            assertThat(result.err()).startsWith("arena-cache-inspect: Cannot reach 127.0.0.1:" + closedPort
                    + ": connection refused");
        }

        @Test
        void noAnswerWithinTheTimeoutIsUnreachable() {
            stub.hang("/q/arena-cache");

            Result result = inspector.run("--timeout", "300ms");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.UNREACHABLE);
            assertThat(result.err()).contains("Cannot reach 127.0.0.1:", "no answer within 300ms", "--timeout");
        }

        @Test
        void plain404ExplainsHowToEnableTheEndpoint() {
            Result result = InspectorRun.against(stub.origin() + "/q/disabled").run();

            assertThat(result.exitCode()).isEqualTo(ExitCode.ENDPOINT_NOT_FOUND);
            assertThat(result.err()).contains("/q/disabled answered HTTP 404",
                    "quarkus.arena-cache.snapshot.enabled=true", "management port");
        }

        @Test
        void unknownCacheListsTheAvailableNames() {
            Result result = inspector.run("--cache", "orders");

            assertThat(result.exitCode()).isEqualTo(ExitCode.UNKNOWN_CACHE);
            assertThat(result.err()).isEqualTo("arena-cache-inspect: No arena cache named 'orders'. "
                    + "Available caches: users, products, sessions.\n");
        }

        @Test
        void htmlIsUnexpectedContent() {
            stub.route("/q/arena-cache", 200, "text/html", StubServer.resource("welcome.html"));

            Result result = inspector.run();

            assertThat(result.exitCode()).isEqualTo(ExitCode.UNEXPECTED_CONTENT);
            assertThat(result.err()).contains("HTTP 200 but not JSON", "'text/html'",
                    "First bytes: <!DOCTYPE html><html><head><title>Welcome");
        }

        @Test
        void garbageIsUnexpectedContent() {
            stub.route("/q/arena-cache", 200, "application/json", "{\"caches\": [ oops");

            Result result = inspector.run();

            assertThat(result.exitCode()).isEqualTo(ExitCode.UNEXPECTED_CONTENT);
            assertThat(result.err()).contains("not JSON", "First bytes: {\"caches\": [ oops");
        }

        @Test
        void jsonOfTheWrongShapeNamesTheOffendingField() {
            stub.route("/q/arena-cache", 200, "application/json",
                    "{\"caches\":[{\"name\":\"users\",\"settings\":{\"maxMemory\":1},"
                            + "\"stats\":{\"entries\":\"many\"}}]}");

            Result result = inspector.run();

            assertThat(result.exitCode()).isEqualTo(ExitCode.UNEXPECTED_CONTENT);
            assertThat(result.err()).contains("not an arena-cache snapshot",
                    "caches[0].stats.entries: expected a whole number, found a string (\"many\")");
        }

        @Test
        void serverErrorShowsStatusAndFirstBytes() {
            stub.route("/q/arena-cache", 500, "text/plain", "java.lang.IllegalStateException: cache closed");

            Result result = inspector.run();

            assertThat(result.exitCode()).isEqualTo(ExitCode.UNEXPECTED_CONTENT);
            assertThat(result.err()).contains("HTTP 500", "see its log",
                    "First bytes: java.lang.IllegalStateException: cache closed");
        }

        @Test
        void usageErrorsExitWithTwoAndPointAtHelp() {
            assertUsageError(inspector.run("--bogus"), "Unknown option: '--bogus'");
            assertUsageError(inspector.run("--interval", "1s"), "--interval only applies with --watch");
            assertUsageError(inspector.run("--count", "2"), "--count only applies with --watch");
            assertUsageError(inspector.run("--watch", "--count", "0"), "--count must be at least 1");
            assertUsageError(inspector.run("--metrics-url", "http://x/m"), "--metrics-url only applies with --metrics");
            assertUsageError(inspector.run("--watch", "--interval", "2"), "'2' is not a duration");
            assertUsageError(inspector.run("--timeout", "0s"), "'0s' must be longer than zero");
            assertUsageError(InspectorRun.against("ftp://host/x").run(), "not an http:// or https:// URL");
            assertUsageError(InspectorRun.against("localhost:8080").run(), "not an http:// or https:// URL");
            assertThat(stub.requests()).isEmpty();
        }

        private static void assertUsageError(Result result, String message) {
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.USAGE);
            assertThat(result.err()).contains(message, "Try 'arena-cache-inspect --help'");
            assertThat(result.out()).isEmpty();
        }
    }

    @Nested
    class HelpAndVersion {

        @Test
        void helpDocumentsEveryExitCode() {
            Result result = InspectorRun.withoutUrl().run("--help");

            assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
            assertThat(result.out()).contains("--url", "--cache", "--json", "--watch", "--interval", "--count",
                    "--metrics", "--metrics-url", "--timeout", "quarkus.arena-cache.snapshot.enabled=true")
                    .containsSubsequence("Exit codes:", "  0 ", "  1 ", "  2 ", "  3 ", "  4 ", "  5 ", "  6 ");
        }

        @Test
        void versionNamesTheProjectVersion() {
            Result result = InspectorRun.withoutUrl().run("--version");

            assertThat(result.exitCode()).isEqualTo(ExitCode.OK);
            assertThat(result.out()).startsWith("arena-cache-inspect ").doesNotContain("unknown", "${");
        }
    }

    private static String line(String text, String start) {
        return text.lines().filter(line -> line.strip().startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with '" + start + "' in:\n" + text));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
