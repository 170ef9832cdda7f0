package io.quarkiverse.arenacache.runtime.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.runtime.ObservedCaches;

class TracedArenaCacheTest {

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
            .build();
    private final ArenaCache<String, String> cache = new TracingArenaCacheDecorator(openTelemetry)
            .decorate(new ObservedCaches().smallCache("users"));

    @AfterEach
    void close() {
        cache.close();
        openTelemetry.close();
    }

    @Test
    void aLoadIsAChildSpanOfTheCallerAndHitsMakeNoSpans() {
        Span caller = openTelemetry.getTracer("test").spanBuilder("caller").startSpan();
        try (Scope ignored = caller.makeCurrent()) {
            assertThat(cache.getOrLoad("k", key -> "loaded-" + key)).isEqualTo("loaded-k");
            assertThat(cache.getOrLoad("k", key -> "again")).isEqualTo("loaded-k");
            assertThat(cache.get("k")).isEqualTo("loaded-k");
        }
        caller.end();

        List<SpanData> loads = spansNamed("arena-cache load");
        assertThat(loads).hasSize(1);
        SpanData load = loads.get(0);
        assertThat(load.getParentSpanId()).isEqualTo(caller.getSpanContext().getSpanId());
        assertThat(load.getTraceId()).isEqualTo(caller.getSpanContext().getTraceId());
        assertThat(load.getAttributes().get(CacheSpans.CACHE_NAME)).isEqualTo("users");
        assertThat(load.getAttributes().get(CacheSpans.OUTCOME)).isEqualTo("success");
        assertThat(load.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(exporter.getFinishedSpanItems()).hasSize(2); // the load and the caller
    }

    @Test
    void aFailingLoadRecordsTheException() {
        assertThatThrownBy(() -> cache.getOrLoad("k", key -> {
            throw new IllegalStateException("backend down");
        })).isInstanceOf(IllegalStateException.class).hasMessage("backend down");

        SpanData load = spansNamed("arena-cache load").get(0);
        assertThat(load.getAttributes().get(CacheSpans.OUTCOME)).isEqualTo("failure");
        assertThat(load.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(load.getEvents()).anySatisfy(event -> {
            assertThat(event.getName()).isEqualTo("exception");
            assertThat(event.getAttributes().asMap().values()).contains("backend down");
        });
        assertThat(cache.get("k")).isNull();
    }

    /** A loader written in Kotlin (or with a sneaky throw) can throw a checked exception through Function. */
    @Test
    void aLoaderThrowingACheckedExceptionEndsItsSpanAsAFailure() {
        assertThatThrownBy(() -> cache.getOrLoad("k", key -> sneakyThrow(new java.io.IOException("disk gone"))))
                .isInstanceOf(java.io.IOException.class).hasMessage("disk gone");
        assertThat(cache.getOrLoadAsync("k2", key -> sneakyThrow(new java.io.IOException("async gone")))
                .toCompletableFuture()).isCompletedExceptionally();
        cache.put("present", "v");
        assertThatThrownBy(() -> cache.invalidateIf(key -> sneakyThrow(new java.io.IOException("predicate gone"))))
                .isInstanceOf(java.io.IOException.class).hasMessage("predicate gone");

        List<SpanData> loads = spansNamed("arena-cache load");
        assertThat(loads).as("every load span ends").hasSize(2);
        assertThat(loads).allSatisfy(load -> {
            assertThat(load.getAttributes().get(CacheSpans.OUTCOME)).isEqualTo("failure");
            assertThat(load.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        });
        assertThat(spansNamed("arena-cache invalidateIf")).as("the invalidateIf span ends").hasSize(1)
                .allSatisfy(span -> assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR));
    }

    @SuppressWarnings("unchecked")
    private static <T, E extends Throwable> T sneakyThrow(Throwable failure) throws E {
        throw (E) failure;
    }

    @Test
    void anAsynchronousLoadSpanEndsWhenItsStageCompletes() {
        CompletableFuture<String> backend = new CompletableFuture<>();
        var stage = cache.getOrLoadAsync("k", key -> backend);
        assertThat(spansNamed("arena-cache load")).isEmpty();

        backend.complete("late");

        assertThat(stage.toCompletableFuture().join()).isEqualTo("late");
        SpanData load = spansNamed("arena-cache load").get(0);
        assertThat(load.getAttributes().get(CacheSpans.OUTCOME)).isEqualTo("success");
        cache.getOrLoadAsync("k", key -> CompletableFuture.completedFuture("unused")).toCompletableFuture().join();
        assertThat(spansNamed("arena-cache load")).hasSize(1);
    }

    @Test
    void aFailedAsynchronousLoadIsAFailureSpan() {
        CompletableFuture<String> backend = new CompletableFuture<>();
        var stage = cache.getOrLoadAsync("k", key -> backend);

        backend.completeExceptionally(new IllegalStateException("timeout"));

        assertThatThrownBy(() -> stage.toCompletableFuture().join()).isInstanceOf(CompletionException.class);
        SpanData load = spansNamed("arena-cache load").get(0);
        assertThat(load.getAttributes().get(CacheSpans.OUTCOME)).isEqualTo("failure");
        assertThat(load.getStatus().getDescription()).isEqualTo("timeout");
    }

    @Test
    void administrativeOperationsMakeSpans() {
        cache.put("a", "1");
        cache.put("b", "2");
        cache.put("c", "3");

        assertThat(cache.invalidateIf(key -> !key.equals("a"))).isEqualTo(2);
        cache.invalidateAll();

        SpanData invalidateIf = spansNamed("arena-cache invalidateIf").get(0);
        assertThat(invalidateIf.getAttributes().get(CacheSpans.REMOVED)).isEqualTo(2L);
        assertThat(invalidateIf.getAttributes().get(CacheSpans.CACHE_NAME)).isEqualTo("users");
        assertThat(spansNamed("arena-cache invalidateAll")).hasSize(1);
        assertThat(exporter.getFinishedSpanItems()).hasSize(2); // puts make no spans
    }

    @Test
    void snapshotRequestsMakeSpans() {
        var observer = new TracingSnapshotObserver(openTelemetry);

        assertThat(observer.observe("users", () -> "snapshot")).isEqualTo("snapshot");
        assertThat(observer.observe(null, () -> "all")).isEqualTo("all");

        List<SpanData> snapshots = spansNamed("arena-cache snapshot");
        assertThat(snapshots).hasSize(2);
        assertThat(snapshots.get(0).getAttributes().get(CacheSpans.CACHE_NAME)).isEqualTo("users");
        assertThat(snapshots.get(1).getAttributes().get(CacheSpans.CACHE_NAME)).isNull();
    }

    private List<SpanData> spansNamed(String name) {
        return exporter.getFinishedSpanItems().stream().filter(span -> span.getName().equals(name)).toList();
    }
}
