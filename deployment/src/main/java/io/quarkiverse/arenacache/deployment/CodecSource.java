package io.quarkiverse.arenacache.deployment;

import org.jboss.jandex.DotName;

/** Where the codec of a cache's keys or values comes from; decided at build time. */
sealed interface CodecSource {

    /** A built-in codec: {@code Codecs.<factory>()}. */
    record BuiltIn(String factory) implements CodecSource {
    }

    /** An enum codec: {@code Codecs.enums(E.values())}. */
    record EnumConstants(DotName enumClass) implements CodecSource {
    }

    /** A codec generated at build time for a record or simple value class. */
    record Generated(DotName valueClass) implements CodecSource {
    }

    /** A codec class named in configuration that is not a bean: {@code new C()}. */
    record NewInstance(DotName codecClass) implements CodecSource {
    }

    /** A codec bean class, optionally qualified with {@code @ArenaCacheName(qualifier)}. */
    record Bean(DotName beanClass, String qualifier) implements CodecSource {
    }

    /**
     * A {@code Codec<codedClass>} bean from a producer method or field, looked up by its parameterized type,
     * optionally qualified with {@code @ArenaCacheName(qualifier)}.
     */
    record ProducedBean(DotName codedClass, String qualifier) implements CodecSource {
    }
}
