package io.quarkiverse.arenacache.examples.basic;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stands in for a slow database or remote service: every lookup waits {@code catalogue.repository.latency}
 * (300 ms by default) so the effect of the cache is easy to see with curl.
 */
@ApplicationScoped
public class ProductRepository {

    private final Map<Long, Product> products = new ConcurrentHashMap<>();
    private final AtomicLong lookups = new AtomicLong();
    private final Duration latency;

    ProductRepository(@ConfigProperty(name = "catalogue.repository.latency", defaultValue = "300ms") Duration latency) {
        this.latency = latency;
        Category[] categories = Category.values();
        for (long id = 1; id <= 100; id++) {
            Category category = categories[(int) (id % categories.length)];
            products.put(id, new Product(id, "Product " + id, "A fine " + category.name().toLowerCase() + " item",
                    category, 500 + id * 100));
        }
    }

    /**
     * @return the product, after the simulated latency
     * @throws ProductNotFoundException when there is no such product
     */
    public Product findById(long id) {
        lookups.incrementAndGet();
        simulateLatency();
        Product product = products.get(id);
        if (product == null) {
            throw new ProductNotFoundException(id);
        }
        return product;
    }

    /** Changes a product's price; the caller invalidates the cached copy. */
    public Product updatePrice(long id, long priceCents) {
        Product updated = products.computeIfPresent(id, (key, product) -> product.withPrice(priceCents));
        if (updated == null) {
            throw new ProductNotFoundException(id);
        }
        return updated;
    }

    /** @return how many times {@link #findById} ran: the work the cache saves shows up here */
    public long lookups() {
        return lookups.get();
    }

    private void simulateLatency() {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while simulating repository latency", e);
        }
    }
}
