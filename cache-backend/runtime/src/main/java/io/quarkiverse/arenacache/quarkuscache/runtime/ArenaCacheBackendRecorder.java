package io.quarkiverse.arenacache.quarkuscache.runtime;

import io.quarkus.cache.CacheManagerInfo;
import io.quarkus.runtime.annotations.Recorder;

/** Run-time half of the quarkus-cache backend's build steps. */
@Recorder
public class ArenaCacheBackendRecorder {

    /** @return the backend quarkus-cache picks for caches of type {@code arena} */
    public CacheManagerInfo cacheManagerInfo() {
        return new ArenaCacheManagerInfo();
    }
}
