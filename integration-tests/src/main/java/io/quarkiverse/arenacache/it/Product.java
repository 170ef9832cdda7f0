package io.quarkiverse.arenacache.it;

/** A product with a nested price record; {@code stock} is null when unknown. */
public record Product(String sku, String title, Price price, Integer stock) {

    /** A price in minor units. */
    public record Price(long cents, String currency) {
    }
}
