package io.quarkiverse.arenacache.it;

/** A user; its cache codec is generated at build time. {@code email} may be null. */
public record User(long id, String name, String email, Tier tier) {
}
