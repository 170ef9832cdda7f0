package io.quarkiverse.arenacache.deployment.test.devmode;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheManager;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkiverse.arenacache.runtime.LiveCaches;

/** Test endpoint of the dev-mode application: fills the cache and reports what is committed off heap. */
@Path("/figures")
public class CacheFiguresResource {

    @Inject
    @ArenaCacheName("users")
    ArenaCache<String, String> users;

    @Inject
    ArenaCacheManager manager;

    @POST
    public long fill(@QueryParam("count") int count) {
        for (int i = 0; i < count; i++) {
            users.put("user-" + i, "x".repeat(100));
        }
        return users.size();
    }

    /** @return "names|users max-memory|users shards|open caches in the JVM|their committed bytes|ours" */
    @GET
    public String figures() {
        long ours = manager.caches().stream().mapToLong(c -> c.stats().bytesCommitted()).sum();
        return String.join(",", manager.cacheNames()) + "|" + users.settings().maxMemory() + "|"
                + users.settings().shards() + "|" + LiveCaches.open().size() + "|" + LiveCaches.committedBytes()
                + "|" + ours + "|" + /* marker */ "v1";
    }
}
