package io.quarkiverse.arenacache.runtime.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;

/**
 * Names and starts the spans of the arena caches. Spans are children of the current span, if any.
 */
final class CacheSpans {

    static final String INSTRUMENTATION_SCOPE = "io.quarkiverse.arena-cache";
    static final AttributeKey<String> CACHE_NAME = AttributeKey.stringKey("arena_cache.name");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("arena_cache.operation");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("arena_cache.outcome");
    static final AttributeKey<Long> REMOVED = AttributeKey.longKey("arena_cache.removed");

    static final String SUCCESS = "success";
    static final String FAILURE = "failure";

    private final Tracer tracer;

    CacheSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Starts {@code "arena-cache <operation>"}; {@code cacheName} may be null for operations on every cache. */
    Span start(String operation, String cacheName) {
        var builder = tracer.spanBuilder("arena-cache " + operation).setAttribute(OPERATION, operation);
        if (cacheName != null) {
            builder.setAttribute(CACHE_NAME, cacheName);
        }
        return builder.startSpan();
    }

    static void succeed(Span span) {
        span.setAttribute(OUTCOME, SUCCESS);
        span.end();
    }

    /**
     * Rethrows {@code failure} unchanged, checked or not, after its span was failed: the caller sees what the loader
     * or predicate threw, as without tracing. Declared to return an exception so call sites can {@code throw} it.
     */
    @SuppressWarnings("unchecked")
    static <E extends Throwable> E rethrow(Throwable failure) throws E {
        throw (E) failure;
    }

    static void fail(Span span, Throwable failure) {
        span.setAttribute(OUTCOME, FAILURE);
        span.recordException(failure);
        span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
        span.end();
    }
}
