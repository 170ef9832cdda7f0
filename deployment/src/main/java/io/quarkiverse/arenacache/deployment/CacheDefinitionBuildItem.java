package io.quarkiverse.arenacache.deployment;

import org.jboss.jandex.Type;

import io.quarkus.builder.item.MultiBuildItem;

/**
 * Internal: one cache with its types and codecs, as resolved at build time. Public consumers use
 * {@link io.quarkiverse.arenacache.deployment.spi.ArenaCacheBuildItem}.
 */
final class CacheDefinitionBuildItem extends MultiBuildItem {

    final String name;
    final Type keyType;
    final Type valueType;
    final CodecSource keyCodec;
    final CodecSource valueCodec;
    final boolean metricsEnabled;

    CacheDefinitionBuildItem(String name, Type keyType, Type valueType, CodecSource keyCodec, CodecSource valueCodec,
            boolean metricsEnabled) {
        this.name = name;
        this.keyType = keyType;
        this.valueType = valueType;
        this.keyCodec = keyCodec;
        this.valueCodec = valueCodec;
        this.metricsEnabled = metricsEnabled;
    }
}
