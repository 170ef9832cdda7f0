package io.quarkiverse.arenacache.runtime.metrics;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import io.quarkus.runtime.annotations.Recorder;

/** Hands the build-time choice of metered caches to the runtime. */
@Recorder
public class ArenaCacheMetricsRecorder {

    public Supplier<MeteredCaches> meteredCaches(List<String> names) {
        MeteredCaches caches = new MeteredCaches(Set.copyOf(names));
        return () -> caches;
    }
}
