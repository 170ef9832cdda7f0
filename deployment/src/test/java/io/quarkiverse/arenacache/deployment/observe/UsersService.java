package io.quarkiverse.arenacache.deployment.observe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;

/** An application bean with one cache, as the test applications' only user of the extension. */
@ApplicationScoped
public class UsersService {

    @Inject
    @ArenaCacheName("users")
    ArenaCache<String, String> users;

    public ArenaCache<String, String> cache() {
        return users;
    }

    public String name(String id) {
        return users.getOrLoad(id, key -> "name-of-" + key);
    }
}
