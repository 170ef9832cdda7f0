package io.quarkiverse.arenacache.quarkuscache.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkiverse.arenacache.deployment.spi.ExternalArenaCacheBuildItem;
import io.quarkiverse.arenacache.deployment.spi.ExternalArenaCacheBuildItem.CodecAssembly;
import io.quarkiverse.arenacache.deployment.spi.ExternalArenaCacheBuildItem.CodecElement;
import io.quarkiverse.arenacache.quarkuscache.ArenaBackedCache;
import io.quarkiverse.arenacache.quarkuscache.runtime.ArenaCacheBackendRecorder;
import io.quarkiverse.arenacache.quarkuscache.runtime.ShapeCodecAssembler;
import io.quarkiverse.arenacache.quarkuscache.runtime.ShapeCodecAssembler.ShapeSpec;
import io.quarkiverse.arenacache.runtime.ArenaCacheBuildTimeConfig;
import io.quarkiverse.arenacache.runtime.ArenaCacheBuildTimeConfig.CacheBuildTimeConfig;
import io.quarkus.cache.deployment.CacheManagerInfoBuildItem;
import io.quarkus.cache.deployment.spi.AdditionalCacheNameBuildItem;
import io.quarkus.cache.runtime.CacheBuildConfig;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;

/**
 * Build steps of the quarkus-cache backend: registers the {@code arena} cache type with quarkus-cache and defines,
 * through arena-cache, one arena cache per quarkus-cache cache of that type, with codecs for the keys and values its
 * annotated methods use.
 */
class ArenaCacheBackendProcessor {

    static final String FEATURE = "arena-cache-backend";
    static final String OWNER = "quarkus-cache (cache type arena)";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    CacheManagerInfoBuildItem backend(ArenaCacheBackendRecorder recorder) {
        return new CacheManagerInfoBuildItem(recorder.cacheManagerInfo());
    }

    /**
     * Defines an arena cache for every quarkus-cache cache whose type is {@code arena}. Fails the build, naming the
     * method or cache, when a key or value type has no codec or when a cache's types cannot be known.
     */
    @BuildStep
    void defineArenaCaches(CombinedIndexBuildItem index, CacheBuildConfig cacheConfig,
            ArenaCacheBuildTimeConfig arenaConfig, List<AdditionalCacheNameBuildItem> additionalNames,
            BuildProducer<ExternalArenaCacheBuildItem> caches, BuildProducer<ReflectiveClassBuildItem> reflective) {
        CacheUsageScanner scanner = new CacheUsageScanner(index.getIndex());
        Map<String, CacheUsage> usages = scanner.scan();
        for (AdditionalCacheNameBuildItem additional : additionalNames) {
            scanner.usage(additional.getName()).opaqueUses.add("another extension's cache (AdditionalCacheNameBuildItem)");
        }
        List<String> errors = new ArrayList<>();
        for (CacheUsage usage : usages.values()) {
            if (!ArenaBackedCache.TYPE.equals(typeOf(usage.name, cacheConfig))) {
                continue;
            }
            Optional<CacheBuildTimeConfig> perCache = Optional.ofNullable(arenaConfig.caches().get(usage.name));
            Optional<String> keyCodec = perCache.flatMap(CacheBuildTimeConfig::keyCodec);
            Optional<String> valueCodec = perCache.flatMap(CacheBuildTimeConfig::valueCodec);
            checkTypesKnown(usage, keyCodec.isPresent(), valueCodec.isPresent(), errors);
            declaredClasses(usage).ifPresent(reflective::produce);
            caches.produce(new ExternalArenaCacheBuildItem(usage.name,
                    assembly(usage, "keys", keyCodec, property(usage.name, "key-codec")),
                    assembly(usage, "values", valueCodec, property(usage.name, "value-codec")), OWNER));
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException(String.join("\n", errors));
        }
    }

    /**
     * The shapes' declared classes, which {@code ShapeCodec} loads by name to encode instances of their subclasses
     * and implementations: registered (no member) so that {@code Class.forName} finds them in a native image.
     */
    private static Optional<ReflectiveClassBuildItem> declaredClasses(CacheUsage usage) {
        List<String> names = new ArrayList<>();
        for (Map<String, CacheUsage.TypedShape> shapes : List.of(usage.keys, usage.values)) {
            shapes.values().forEach(shape -> names.addAll(shape.shape().classNames()));
        }
        return names.isEmpty() ? Optional.empty()
                : Optional.of(ReflectiveClassBuildItem.builder(names.toArray(String[]::new)).constructors(false)
                        .methods(false).fields(false).reason(ArenaCacheBackendProcessor.class.getName()).build());
    }

    private static String typeOf(String name, CacheBuildConfig config) {
        CacheBuildConfig.CacheTypeBuildConfig perCache = config.cacheTypeByName().get(name);
        return perCache != null && perCache.type() != null && !perCache.type().isEmpty() ? perCache.type()
                : config.type();
    }

    private static String property(String cacheName, String name) {
        return "quarkus.arena-cache.\"" + cacheName + "\"." + name;
    }

    /** Key and value types come from annotated methods; anything else needs a configured codec. */
    private static void checkTypesKnown(CacheUsage usage, boolean keyCodecSet, boolean valueCodecSet,
            List<String> errors) {
        if (!keyCodecSet && !usage.keyGenerators.isEmpty()) {
            errors.add("quarkus-cache cache '" + usage.name + "' has type arena, but the keys of "
                    + usage.keyGenerators + " have types unknown at build time: set " + property(usage.name,
                            "key-codec")
                    + " to a Codec<Object> for them, or give the cache another type (quarkus.cache.\"" + usage.name
                    + "\".type=caffeine)");
        }
        boolean storesUnknown = !usage.opaqueUses.isEmpty()
                && ((usage.keys.isEmpty() && !keyCodecSet) || (usage.values.isEmpty() && !valueCodecSet));
        if (storesUnknown) {
            errors.add("quarkus-cache cache '" + usage.name + "' has type arena, but no @CacheResult method shows the"
                    + " types of its keys and values, which an arena cache must encode; it is used by "
                    + usage.opaqueUses + ". Add a @CacheResult(cacheName = \"" + usage.name + "\") method, set "
                    + property(usage.name, "key-codec") + " and " + property(usage.name, "value-codec")
                    + ", or give the cache another type (quarkus.cache.\"" + usage.name + "\".type=caffeine)");
        }
    }

    /**
     * A configured codec encodes every key (but the no-argument default key) or every value of the cache; otherwise
     * each shape the methods use gets the codecs of its types. Keys always include the cache's default key.
     */
    private static CodecAssembly assembly(CacheUsage usage, String role, Optional<String> configuredCodec,
            String property) {
        Map<String, CacheUsage.TypedShape> shapes = role.equals("keys") ? usage.keys : usage.values;
        List<ShapeSpec> specs = new ArrayList<>();
        List<CodecElement> elements = new ArrayList<>();
        for (CacheUsage.TypedShape shape : shapes.values()) {
            boolean defaultKey = shape.shape().kind() == io.quarkiverse.arenacache.quarkuscache.runtime.ShapeCodec.Kind.DEFAULT_KEY;
            if (configuredCodec.isPresent() && !defaultKey) {
                continue;
            }
            specs.add(shape.shape());
            shape.types().forEach(type -> elements.add(CodecElement.ofType(type, shape.origin())));
        }
        // Cache#getDefaultKey() is public API: programmatic callers may use it without any no-argument method, and
        // a configured key codec never sees it. It needs no element codec.
        if (role.equals("keys") && !specs.contains(ShapeSpec.defaultKey())) {
            specs.add(ShapeSpec.defaultKey());
        }
        if (configuredCodec.isPresent()) {
            specs.add(ShapeSpec.any());
            elements.add(CodecElement.ofCodecClass(configuredCodec.get(), property));
        }
        return new CodecAssembly(ShapeCodecAssembler.class.getName(),
                ShapeCodecAssembler.describe(usage.name, role, specs), elements);
    }
}
