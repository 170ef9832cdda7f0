package io.quarkiverse.arenacache.deployment.devui;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.web.Router;

/**
 * The application the Dev UI tests look at: three caches with known contents at startup, and an HTTP route that
 * generates traffic on demand.
 * <ul>
 * <li>{@code users} (String → String): alice and bob; one hit (alice) and one miss (carol) at startup</li>
 * <li>{@code scores} (Long → Integer): 7 and 8</li>
 * <li>{@code blobs} (String → byte[]) with a custom key codec, so key actions are not available</li>
 * </ul>
 */
@ApplicationScoped
public class DevUiTestApp {

    final ArenaCache<String, String> users;
    final ArenaCache<Long, Integer> scores;
    final ArenaCache<String, byte[]> blobs;

    @Inject
    DevUiTestApp(@ArenaCacheName("users") ArenaCache<String, String> users,
            @ArenaCacheName("scores") ArenaCache<Long, Integer> scores,
            @ArenaCacheName("blobs") ArenaCache<String, byte[]> blobs) {
        this.users = users;
        this.scores = scores;
        this.blobs = blobs;
    }

    void fill(@Observes StartupEvent event) {
        users.put("alice", "Alice");
        users.put("bob", "Bob");
        users.get("alice");
        users.get("carol");
        scores.put(7L, 70);
        scores.put(8L, 80);
        blobs.put("one", new byte[] { 1 });
    }

    /** {@code GET /traffic?count=N}: N puts, N hits and N misses on {@code users}. */
    void routes(@Observes Router router) {
        router.get("/traffic").handler(context -> {
            int count = Integer.parseInt(context.queryParams().get("count"));
            for (int i = 0; i < count; i++) {
                users.put("user-" + i, "value-" + i);
                users.get("user-" + i);
                users.get("absent-" + i);
            }
            context.response().end("users: " + users.size() + " entries");
        });
    }
}
