package io.quarkiverse.arenacache.examples.basic;

import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.quarkiverse.arenacache.ArenaCacheManager;
import io.quarkiverse.arenacache.CacheStats;

/**
 * {@code GET /cache-stats}: every cache's statistics through the programmatic {@link ArenaCacheManager}, plus the
 * repository's lookup count. The extension's own views are richer: {@code /q/arena-cache} (snapshot) and
 * {@code /q/metrics} (Prometheus).
 */
@Path("/cache-stats")
public class CacheStatsResource {

    @Inject
    ArenaCacheManager caches;

    @Inject
    ProductRepository repository;

    public record Report(Map<String, CacheStats> caches, long repositoryLookups) {
    }

    @GET
    public Report stats() {
        Map<String, CacheStats> stats = new TreeMap<>();
        caches.caches().forEach(cache -> stats.put(cache.name(), cache.stats()));
        return new Report(stats, repository.lookups());
    }
}
