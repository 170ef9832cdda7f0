package io.quarkiverse.arenacache.deployment.test.module;

/** Package-private enum. */
enum Currency {
    EUR,
    USD
}
