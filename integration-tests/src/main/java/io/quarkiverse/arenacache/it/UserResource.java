package io.quarkiverse.arenacache.it;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;

@Path("/users")
@Produces(MediaType.TEXT_PLAIN)
public class UserResource {

    @Inject
    @ArenaCacheName("users")
    ArenaCache<Long, User> users;

    @Inject
    SlowStore store;

    @GET
    @Path("/{id}")
    public String get(@PathParam("id") long id) {
        User user = users.getOrLoad(id, key -> store.user(key).orElseThrow(NotFoundException::new));
        return user.toString();
    }

    @DELETE
    @Path("/{id}")
    public boolean invalidate(@PathParam("id") long id) {
        return users.invalidate(id);
    }
}
