package io.quarkiverse.arenacache.deployment.test.module;

/** A public record of a library module whose component is package-private. */
public record Price(Money money, Currency currency) {

    public static Price of(long cents, String currency) {
        return new Price(new Money(cents), Currency.valueOf(currency));
    }

    public long cents() {
        return money.cents();
    }
}
