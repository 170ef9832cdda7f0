package io.quarkiverse.arenacache.deployment;

import org.jboss.jandex.DotName;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkiverse.arenacache.Codec;

final class DotNames {

    static final DotName ARENA_CACHE = DotName.createSimple(ArenaCache.class);
    static final DotName ARENA_CACHE_NAME = DotName.createSimple(ArenaCacheName.class);
    static final DotName CODEC = DotName.createSimple(Codec.class);
    static final DotName OBJECT = DotName.createSimple(Object.class);
    static final DotName ENUM = DotName.createSimple(Enum.class);

    private DotNames() {
    }
}
