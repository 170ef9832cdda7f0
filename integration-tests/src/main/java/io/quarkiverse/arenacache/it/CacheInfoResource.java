package io.quarkiverse.arenacache.it;


import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheManager;
import io.quarkiverse.arenacache.CacheStats;

/** Programmatic access through the manager: names, settings and counters. */
@Path("/caches")
@Produces(MediaType.TEXT_PLAIN)
public class CacheInfoResource {

    @Inject
    ArenaCacheManager manager;

    @Inject
    SlowStore store;

    @GET
    public String names() {
        return String.join(",", manager.cacheNames());
    }

    @GET
    @Path("/{name}")
    public String info(@PathParam("name") String name) {
        ArenaCache<Object, Object> cache = manager.<Object, Object> getCache(name)
                .orElseThrow(jakarta.ws.rs.NotFoundException::new);
        CacheStats stats = cache.stats();
        return "maxMemory=" + cache.settings().maxMemory() + " shards=" + cache.settings().shards() + " generations="
                + cache.settings().generations() + " ttl=" + cache.settings().expireAfterWrite().map(Object::toString)
                        .orElse("none")
                + " hits=" + stats.hits() + " misses=" + stats.misses() + " entries=" + stats.entries()
                + " loads=" + store.loads();
    }

}
