package io.quarkiverse.arenacache.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.QuarkusUnitTest;

/** Records and value classes at injection points get codecs generated at build time. */
class GeneratedCodecsTest {

    enum Role {
        ADMIN,
        USER,
        GUEST
    }

    record Address(String street, int number) {
    }

    record User(UUID id, String name, Role role, Address address, String nickname, long visits, boolean active,
            double score, byte[] avatar) {
    }

    record OrderKey(long customer, Role role, String region) {
    }

    /** A simple value class: public fields and a constructor taking them in order. */
    public static class Point {
        public final int x;
        public final int y;

        public Point(int x, int y) {
            this.x = x;
            this.y = y;
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Role.class, Address.class, User.class, OrderKey.class,
                    Point.class));

    @Inject
    @ArenaCacheName("users")
    ArenaCache<String, User> users;

    @Inject
    @ArenaCacheName("orders")
    ArenaCache<OrderKey, Role> orders;

    @Inject
    @ArenaCacheName("points")
    ArenaCache<Point, Address> points;

    @Test
    void nestedRecordEnumAndPrimitiveComponentsRoundTrip() {
        User ada = new User(UUID.randomUUID(), "Ada", Role.ADMIN, new Address("Main St", 12), "countess", 42L, true,
                0.5, new byte[] { 1, 2, 3 });
        users.put("ada", ada);
        User read = users.get("ada");
        assertThat(read).usingRecursiveComparison().isEqualTo(ada);
        assertThat(read).isNotSameAs(ada);
    }

    @Test
    void nullComponentsRoundTrip() {
        User anonymous = new User(null, "Anon", null, null, null, 0L, false, Double.NaN, null);
        users.put("anon", anonymous);
        User read = users.get("anon");
        assertThat(read.id()).isNull();
        assertThat(read.role()).isNull();
        assertThat(read.address()).isNull();
        assertThat(read.nickname()).isNull();
        assertThat(read.avatar()).isNull();
        assertThat(read.name()).isEqualTo("Anon");
        assertThat(read.score()).isNaN();
    }

    @Test
    void recordKeysWithEqualComponentsFindTheSameEntry() {
        orders.put(new OrderKey(7L, Role.USER, "eu"), Role.GUEST);
        assertThat(orders.get(new OrderKey(7L, Role.USER, "eu"))).isEqualTo(Role.GUEST);
        assertThat(orders.get(new OrderKey(7L, Role.USER, "us"))).isNull();
        assertThat(orders.get(new OrderKey(7L, Role.USER, null))).isNull();
        orders.put(new OrderKey(8L, null, null), Role.ADMIN);
        assertThat(orders.get(new OrderKey(8L, null, null))).isEqualTo(Role.ADMIN);
    }

    @Test
    void valueClassesWithPublicFieldsRoundTrip() {
        points.put(new Point(1, 2), new Address("Elm", 3));
        assertThat(points.get(new Point(1, 2))).isEqualTo(new Address("Elm", 3));
        assertThat(points.get(new Point(2, 1))).isNull();
    }

    @Test
    void malformedBytesAreRejectedNotMisread() {
        var codec = users.valueCodec();
        User ada = new User(UUID.randomUUID(), "Ada", Role.ADMIN, new Address("Main St", 12), null, 1L, true, 1.0,
                new byte[0]);
        int size = codec.encodedSize(ada);
        try (var arena = java.lang.foreign.Arena.ofConfined()) {
            var segment = arena.allocate(size + 8);
            codec.encode(ada, segment, 0);
            assertThat(codec.decode(segment, 0, size)).usingRecursiveComparison().isEqualTo(ada);
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() -> codec.decode(segment, 0, size + 8));
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() -> codec.decode(segment, 0, size - 3));
        }
    }

    @Test
    void theGeneratedCodecIsAClassOfTheValueTypesPackageNotReflection() {
        assertThat(users.valueCodec().getClass().getName()).isEqualTo(User.class.getName() + "$$ArenaCodec");
    }
}
