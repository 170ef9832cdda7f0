package io.quarkiverse.arenacache.runtime.tracing;

import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkiverse.arenacache.runtime.snapshot.SnapshotObserver;

/** Puts each snapshot request in an {@code arena-cache snapshot} span. */
@Singleton
public class TracingSnapshotObserver implements SnapshotObserver {

    private final CacheSpans spans;

    @Inject
    public TracingSnapshotObserver(OpenTelemetry openTelemetry) {
        this.spans = new CacheSpans(openTelemetry.getTracer(CacheSpans.INSTRUMENTATION_SCOPE));
    }

    @Override
    public <T> T observe(String cacheName, Supplier<T> snapshot) {
        Span span = spans.start("snapshot", cacheName);
        try (Scope ignored = span.makeCurrent()) {
            T result = snapshot.get();
            CacheSpans.succeed(span);
            return result;
        } catch (Throwable failure) {
            CacheSpans.fail(span, failure);
            throw CacheSpans.<RuntimeException> rethrow(failure);
        }
    }
}
