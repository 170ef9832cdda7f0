package io.quarkiverse.arenacache.it;

/** A customer tier, stored by the generated enum codec. */
public enum Tier {
    FREE,
    PRO,
    ENTERPRISE
}
