package io.quarkiverse.arenacache.examples.basic;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;

/**
 * The caching logic, in one place. Two caches, both configured in {@code application.properties}:
 * <ul>
 * <li>{@code products}: read-through over the slow repository with {@link ArenaCache#getOrLoad}; entries expire
 * after the cache-wide {@code expire-after-write}, and a price change invalidates the entry at once;</li>
 * <li>{@code deals}: written explicitly, each entry with its own time-to-live ({@code put(k, v, ttl)}).</li>
 * </ul>
 */
@ApplicationScoped
public class CatalogueService {

    @Inject
    @ArenaCacheName("products")
    ArenaCache<Long, Product> products;

    @Inject
    @ArenaCacheName("deals")
    ArenaCache<Long, Deal> deals;

    @Inject
    ProductRepository repository;

    /**
     * Concurrent requests for the same missing id share one repository call; an unknown id throws
     * {@link ProductNotFoundException} and caches nothing.
     */
    public ProductView find(long id) {
        Product product = products.getOrLoad(id, repository::findById);
        return ProductView.of(product, deals.get(id));
    }

    /** Writes through to the repository, then drops the stale cached copy so the next read loads the new price. */
    public ProductView changePrice(long id, long priceCents) {
        repository.updatePrice(id, priceCents);
        products.invalidate(id);
        return find(id);
    }

    /** Starts a deal that the cache forgets by itself after {@code duration}. */
    public ProductView startDeal(long id, int percentOff, Duration duration) {
        Product product = products.getOrLoad(id, repository::findById);
        Deal deal = new Deal(percentOff, System.currentTimeMillis() + duration.toMillis());
        deals.put(id, deal, duration);
        return ProductView.of(product, deal);
    }

    /** Ends a deal early. @return whether there was one */
    public boolean endDeal(long id) {
        return deals.invalidate(id);
    }
}
