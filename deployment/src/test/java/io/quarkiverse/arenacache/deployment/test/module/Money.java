package io.quarkiverse.arenacache.deployment.test.module;

/** Package-private: only code of this package may touch it, generated codecs included. */
record Money(long cents) {
}
