package io.quarkiverse.arenacache.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;

@Path("/products")
@Produces(MediaType.TEXT_PLAIN)
public class ProductResource {

    private final ArenaCache<String, Product> products;
    private final SlowStore store;

    ProductResource(@ArenaCacheName("products") ArenaCache<String, Product> products, SlowStore store) {
        this.products = products;
        this.store = store;
    }

    @GET
    @Path("/{sku}")
    public String get(@PathParam("sku") String sku) {
        return products.getOrLoad(sku, key -> store.product(key).orElseThrow(NotFoundException::new)).toString();
    }
}
