package io.quarkiverse.arenacache.it.observe;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.junit.QuarkusTest;

/** Spans of the caches, collected by the OpenTelemetry SDK's in-memory exporter. */
@QuarkusTest
class TracingTest {

    static final AttributeKey<String> CACHE_NAME = AttributeKey.stringKey("arena_cache.name");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("arena_cache.outcome");

    @Inject
    @ArenaCacheName("observe-traced")
    ArenaCache<String, String> cache;

    @Inject
    InMemorySpanExporter exporter;

    @Inject
    Tracer tracer;

    @BeforeEach
    void forgetEarlierSpans() {
        exporter.reset();
    }

    @Test
    void aLoadIsAChildOfTheCallersSpanAndAHitMakesNoSpan() {
        Span caller = tracer.spanBuilder("caller").startSpan();
        try (Scope ignored = caller.makeCurrent()) {
            cache.getOrLoad("user-1", key -> "loaded");
            cache.getOrLoad("user-1", key -> "unused");
            cache.get("user-1");
        } finally {
            caller.end();
        }

        SpanData callerData = awaitSpan("caller");
        List<SpanData> loads = spansNamed("arena-cache load");
        assertThat(loads).hasSize(1);
        SpanData load = loads.get(0);
        assertThat(load.getParentSpanId()).isEqualTo(callerData.getSpanId());
        assertThat(load.getAttributes().get(CACHE_NAME)).isEqualTo("observe-traced");
        assertThat(load.getAttributes().get(OUTCOME)).isEqualTo("success");
    }

    @Test
    void aFailedLoadIsAnErrorSpanWithTheException() {
        assertThatThrownBy(() -> cache.getOrLoad("user-2", key -> {
            throw new IllegalStateException("backend down");
        })).hasMessage("backend down");

        SpanData load = awaitSpan("arena-cache load");
        assertThat(load.getAttributes().get(OUTCOME)).isEqualTo("failure");
        assertThat(load.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(load.getEvents()).extracting(event -> event.getName()).contains("exception");
    }

    @Test
    void anAsynchronousLoadSpanEndsWithItsStage() {
        CompletableFuture<String> backend = new CompletableFuture<>();
        var stage = cache.getOrLoadAsync("user-3", key -> backend);
        backend.complete("late");

        assertThat(stage.toCompletableFuture().join()).isEqualTo("late");
        SpanData load = awaitSpan("arena-cache load");
        assertThat(load.getAttributes().get(OUTCOME)).isEqualTo("success");
    }

    @Test
    void administrativeOperationsAndSnapshotsMakeSpans() {
        cache.put("a", "1");
        cache.invalidateIf(key -> key.equals("a"));
        cache.invalidateAll();
        given().get("/q/arena-cache/observe-traced").then().statusCode(200);

        assertThat(awaitSpan("arena-cache invalidateIf").getAttributes().get(CACHE_NAME)).isEqualTo("observe-traced");
        assertThat(awaitSpan("arena-cache invalidateAll").getAttributes().get(CACHE_NAME))
                .isEqualTo("observe-traced");
        assertThat(awaitSpan("arena-cache snapshot").getAttributes().get(CACHE_NAME)).isEqualTo("observe-traced");
        assertThat(spansNamed("arena-cache load")).isEmpty();
    }

    /** Spans are exported in batches: wait for the one named {@code name}. */
    private SpanData awaitSpan(String name) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !spansNamed(name).isEmpty());
        return spansNamed(name).get(0);
    }

    private List<SpanData> spansNamed(String name) {
        return exporter.getFinishedSpanItems().stream().filter(span -> span.getName().equals(name)).toList();
    }
}
