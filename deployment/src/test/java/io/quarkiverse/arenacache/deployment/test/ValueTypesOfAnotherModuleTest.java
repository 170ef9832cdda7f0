package io.quarkiverse.arenacache.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkiverse.arenacache.deployment.test.module.Price;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Value types from another module (a dependency jar, indexed through its beans.xml), with package-private
 * components: their generated codecs live in the types' package and must be loaded by the class loader of those
 * types, or package-private access fails at run time.
 */
class ValueTypesOfAnotherModuleTest {

    /** An application record holding a dependency's record: its codec calls the dependency record's codec. */
    record Order(String item, Price price) {
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ValueTypesOfAnotherModuleTest.class, Order.class))
            .withAdditionalDependency(jar -> jar.addPackage(Price.class.getPackage())
                    .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml"));

    @Inject
    @ArenaCacheName("prices")
    ArenaCache<String, Price> prices;

    @Inject
    @ArenaCacheName("orders")
    ArenaCache<Order, Order> orders;

    @Test
    void anApplicationRecordHoldingADependencysRecordRoundTrips() {
        Order order = new Order("book", Price.of(1999, "USD"));
        orders.put(order, order);
        assertThat(orders.get(new Order("book", Price.of(1999, "USD")))).isEqualTo(order);
    }

    @Test
    void packagePrivateComponentsOfADependencyRoundTrip() {
        Price price = Price.of(1999, "EUR");
        prices.put("book", price);
        assertThat(prices.get("book")).isEqualTo(price);
        assertThat(prices.get("book").cents()).isEqualTo(1999);
    }
}
