package io.quarkiverse.arenacache.runtime.snapshot;

import java.util.Optional;
import java.util.function.Supplier;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheManager;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableInstance;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves {@code GET <path>} (every cache) and {@code GET <path>/<name>} (one cache, or 404 with the known names).
 */
public class ArenaCacheSnapshotHandler implements Handler<RoutingContext> {

    static final String NAME_PARAM = "name";

    @Override
    public void handle(RoutingContext context) {
        HttpServerResponse response = context.response();
        if (context.request().method() != HttpMethod.GET && context.request().method() != HttpMethod.HEAD) {
            response.putHeader("Allow", "GET, HEAD");
            send(response, 405, new JsonObject().put("error", "Only GET is supported"));
            return;
        }
        ArenaCacheManager manager = Arc.container().instance(ArenaCacheManager.class).get();
        String name = context.pathParam(NAME_PARAM);
        if (name == null || name.isEmpty()) {
            send(response, 200, observe(null, () -> CacheSnapshotJson.allCaches(manager.caches())));
            return;
        }
        Optional<ArenaCache<Object, Object>> cache = manager.getCache(name);
        if (cache.isEmpty()) {
            send(response, 404, new JsonObject()
                    .put("error", "No arena cache named '" + name + "'")
                    .put("caches", new JsonArray(manager.cacheNames().stream().map(Object.class::cast).toList())));
            return;
        }
        send(response, 200, observe(name, () -> CacheSnapshotJson.cache(cache.get())));
    }

    private static JsonObject observe(String cacheName, Supplier<JsonObject> snapshot) {
        InjectableInstance<SnapshotObserver> observer = Arc.container().select(SnapshotObserver.class);
        return observer.isResolvable() ? observer.get().observe(cacheName, snapshot) : snapshot.get();
    }

    private static void send(HttpServerResponse response, int status, JsonObject body) {
        response.setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=UTF-8")
                .putHeader("Cache-Control", "no-store")
                .end(body.encode());
    }
}
