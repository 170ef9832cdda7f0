package io.quarkiverse.arenacache.deployment.test.devmode;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheManager;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkiverse.arenacache.runtime.LiveCaches;

/** Test endpoint of the dev-mode application with two caches: reports what is open and committed off heap. */
@Path("/two")
public class TwoCachesResource {

    @Inject
    @ArenaCacheName("accounts")
    ArenaCache<String, String> accounts;

    @Inject
    @ArenaCacheName("users")
    ArenaCache<String, String> users;

    @Inject
    ArenaCacheManager manager;

    /** @return "names|open caches in the JVM|their committed bytes|ours" */
    @GET
    public String figures() {
        accounts.put("a", "b");
        long ours = manager.caches().stream().mapToLong(c -> c.stats().bytesCommitted()).sum();
        return String.join(",", manager.cacheNames()) + "|" + LiveCaches.open().size() + "|"
                + LiveCaches.committedBytes() + "|" + ours;
    }
}
