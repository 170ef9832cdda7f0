package io.quarkiverse.arenacache.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.QuarkusUnitTest;

/** Edge values through generated codecs: primitives at their limits, NaN, validating constructors, deep nesting. */
class GeneratedCodecEdgeCasesTest {

    enum Op {
        PLUS {
            @Override
            int apply(int a, int b) {
                return a + b;
            }
        },
        MINUS {
            @Override
            int apply(int a, int b) {
                return a - b;
            }
        };

        abstract int apply(int a, int b);
    }

    record Primitives(byte b, short s, char c, int i, long l, float f, double d, boolean z) {
    }

    record Boxes(Byte b, Short s, Character c, Integer i, Long l, Float f, Double d, Boolean z) {
    }

    /** Validates and normalizes: decoding goes through the canonical constructor again. */
    record Email(String address) {
        Email {
            if (address == null || !address.contains("@")) {
                throw new IllegalArgumentException("not an email: " + address);
            }
            address = address.toLowerCase(Locale.ROOT);
        }
    }

    record Leaf(String text, byte[] data) {
    }

    record Middle(Leaf left, Leaf right, Op op) {
    }

    record Top(Middle middle, Middle other, Email email) {
    }

    /** A simple value class that is not final. */
    public static class Animal {
        public String name;
    }

    /** Not a type of any cache, but an instance may be put where an Animal is expected. */
    public static class Dog extends Animal {
        public String breed;
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Op.class, Primitives.class, Boxes.class, Email.class,
                    Leaf.class, Middle.class, Top.class, Animal.class, Dog.class));

    @Inject
    @ArenaCacheName("primitives")
    ArenaCache<Primitives, Boxes> primitives;

    @Inject
    @ArenaCacheName("tops")
    ArenaCache<Email, Top> tops;

    @Inject
    @ArenaCacheName("animals")
    ArenaCache<String, Animal> animals;

    /**
     * The codec of Animal writes Animal's fields only: a Dog put there would come back as an Animal without its breed
     * (and as a key, two dogs of different breeds would share an entry). It must be refused, not silently cut down.
     */
    @Test
    void aSubclassInstanceOfAValueClassIsRefusedNotCutDown() {
        Animal cat = new Animal();
        cat.name = "Tom";
        animals.put("tom", cat);
        assertThat(animals.get("tom")).usingRecursiveComparison().isEqualTo(cat);
        Dog dog = new Dog();
        dog.name = "Rex";
        dog.breed = "collie";
        assertThatIllegalArgumentException().isThrownBy(() -> animals.put("rex", dog))
                .withMessageContaining(Dog.class.getName()).withMessageContaining(Animal.class.getName());
        assertThat(animals.get("rex")).isNull();
    }

    @Test
    void primitivesAtTheirLimits() {
        Primitives min = new Primitives(Byte.MIN_VALUE, Short.MIN_VALUE, Character.MIN_VALUE, Integer.MIN_VALUE,
                Long.MIN_VALUE, -Float.MAX_VALUE, Double.NEGATIVE_INFINITY, false);
        Primitives max = new Primitives(Byte.MAX_VALUE, Short.MAX_VALUE, Character.MAX_VALUE, Integer.MAX_VALUE,
                Long.MAX_VALUE, Float.MIN_VALUE, -0.0, true);
        Boxes nulls = new Boxes(null, null, null, null, null, null, null, null);
        Boxes values = new Boxes((byte) -1, (short) -1, '\uD800', -1, -1L, Float.NaN, -0.0, true);
        primitives.put(min, nulls);
        primitives.put(max, values);
        assertThat(primitives.get(min)).isEqualTo(nulls);
        assertThat(primitives.get(max)).isEqualTo(values);
        assertThat(primitives.get(new Primitives(Byte.MAX_VALUE, Short.MAX_VALUE, Character.MAX_VALUE,
                Integer.MAX_VALUE, Long.MAX_VALUE, Float.MIN_VALUE, 0.0, true))).isNull();
    }

    @Test
    void aRecordKeyWithAComputedNaNFindsTheEntryOfDoubleNaN() {
        double zero = Double.parseDouble("0");
        Primitives nan = new Primitives((byte) 0, (short) 0, 'a', 0, 0L, Float.NaN, Double.NaN, false);
        Primitives computed = new Primitives((byte) 0, (short) 0, 'a', 0, 0L, (float) (zero / zero), zero / zero,
                false);
        assertThat(computed).isEqualTo(nan);
        primitives.put(nan, new Boxes(null, null, null, 1, null, null, null, null));
        assertThat(primitives.get(computed)).isNotNull();
    }

    @Test
    void nestedRecordsEnumsWithBodiesAndValidatingConstructors() {
        Email key = new Email("Ada@Example.org");
        Top top = new Top(new Middle(new Leaf("", new byte[0]), new Leaf(null, null), Op.MINUS),
                null, new Email("Ada@example.org"));
        tops.put(key, top);
        Top read = tops.get(new Email("ada@example.org"));
        assertThat(read).usingRecursiveComparison().isEqualTo(top);
        assertThat(read.middle().op().apply(3, 1)).isEqualTo(2);
        String longText = "😀\uD83D".repeat(50_000);
        Top big = new Top(new Middle(new Leaf(longText, new byte[100_000]), null, Op.PLUS), null, key);
        tops.put(key, big);
        assertThat(tops.get(key)).usingRecursiveComparison().isEqualTo(big);
    }
}
