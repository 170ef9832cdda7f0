package io.quarkiverse.arenacache.it.observe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;

/**
 * Declares the caches of the observability tests with their types, so that the application (also when packaged,
 * without its tests) knows them. Each test class drives its own cache, so the counts it asserts are known.
 */
@ApplicationScoped
public class ObservedCaches {

    @Inject
    @ArenaCacheName("observe-metered")
    ArenaCache<String, String> metered;

    @Inject
    @ArenaCacheName("observe-evicting")
    ArenaCache<String, String> evicting;

    @Inject
    @ArenaCacheName("observe-unmetered")
    ArenaCache<String, String> unmetered;

    @Inject
    @ArenaCacheName("observe-snapshot")
    ArenaCache<String, String> snapshot;

    @Inject
    @ArenaCacheName("observe-health")
    ArenaCache<String, String> health;

    @Inject
    @ArenaCacheName("observe-traced")
    ArenaCache<String, String> traced;

    @Inject
    @ArenaCacheName("observe-sample")
    ArenaCache<String, String> sample;

    @Inject
    @ArenaCacheName("observe-closable")
    ArenaCache<String, String> closable;
}
