package io.quarkiverse.arenacache.runtime;

import java.util.function.Function;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkus.arc.Arc;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.runtime.ShutdownContext;
import io.quarkus.runtime.annotations.Recorder;

/** Run-time half of the extension's build steps. */
@Recorder
public class ArenaCacheRecorder {

    /** @return the creation function of the synthetic bean of cache {@code name} */
    public Function<SyntheticCreationalContext<ArenaCache<?, ?>>, ArenaCache<?, ?>> cacheBean(String name) {
        return context -> context.getInjectedReference(ArenaCacheManagerImpl.class).cache(name);
    }

    /**
     * Creates the caches during run-time init (never in static init: no off-heap memory may end up in a native
     * image heap) and closes them, freeing their memory, on shutdown and before every dev-mode restart. They are
     * closed by a last shutdown task, after the CDI container has shut down: {@code @PreDestroy} methods and
     * {@code ShutdownEvent} observers of the application's beans can still use them.
     */
    public void startCaches(ShutdownContext shutdown) {
        ArenaCacheManagerImpl manager = Arc.container().instance(ArenaCacheManagerImpl.class).get();
        manager.closeAfterContainer(shutdown);
        manager.start();
    }
}
