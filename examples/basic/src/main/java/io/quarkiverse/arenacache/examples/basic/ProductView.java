package io.quarkiverse.arenacache.examples.basic;

/**
 * What {@code GET /products/{id}} returns: the product, its current deal (or {@code null}) and the price to pay.
 */
public record ProductView(Product product, Deal deal, long priceToPayCents) {

    static ProductView of(Product product, Deal deal) {
        long price = deal == null ? product.priceCents() : product.priceCents() * (100 - deal.percentOff()) / 100;
        return new ProductView(product, deal, price);
    }
}
