package io.quarkiverse.arenacache.examples.basic;

/** Thrown by the repository for an unknown id; a failing load caches nothing, so the next call asks again. */
public class ProductNotFoundException extends RuntimeException {

    public ProductNotFoundException(long id) {
        super("No product with id " + id);
    }
}
