package io.quarkiverse.arenacache.it;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/** Stands in for a database: counts the loads, so tests can see the cache working. */
@ApplicationScoped
public class SlowStore {

    private static final Map<Long, User> USERS = Map.of(
            1L, new User(1, "Ada", "ada@example.com", Tier.ENTERPRISE),
            2L, new User(2, "Alan", null, Tier.FREE));
    private static final Map<String, Product> PRODUCTS = Map.of(
            "BOOK-1", new Product("BOOK-1", "Notes on the Analytical Engine", new Product.Price(1999, "EUR"), 7),
            "MUG-2", new Product("MUG-2", "Enigma mug", new Product.Price(850, "GBP"), null));

    private final AtomicInteger loads = new AtomicInteger();

    public Optional<User> user(long id) {
        loads.incrementAndGet();
        return Optional.ofNullable(USERS.get(id));
    }

    public Optional<Product> product(String sku) {
        loads.incrementAndGet();
        return Optional.ofNullable(PRODUCTS.get(sku));
    }

    public int loads() {
        return loads.get();
    }
}
