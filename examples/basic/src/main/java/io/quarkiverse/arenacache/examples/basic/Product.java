package io.quarkiverse.arenacache.examples.basic;

/**
 * A catalogue entry. Being a record of codec-able components, it gets a codec generated at build time: no
 * serialization library and no reflection when it goes into, or comes out of, the off-heap cache.
 *
 * @param priceCents the list price in euro cents (money is never a double)
 */
public record Product(long id, String name, String description, Category category, long priceCents) {

    Product withPrice(long newPriceCents) {
        return new Product(id, name, description, category, newPriceCents);
    }
}
