package io.quarkiverse.arenacache.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.jandex.ClassType;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Type;

import io.quarkiverse.arenacache.deployment.CacheInjectionPoints.InjectionPoint;
import io.quarkiverse.arenacache.deployment.spi.ExternalArenaCacheBuildItem;
import io.quarkiverse.arenacache.deployment.spi.ExternalArenaCacheBuildItem.CodecAssembly;
import io.quarkiverse.arenacache.deployment.spi.ExternalArenaCacheBuildItem.CodecElement;
import io.quarkiverse.arenacache.runtime.ArenaCacheBuildTimeConfig;
import io.quarkiverse.arenacache.runtime.ArenaCacheBuildTimeConfig.CacheBuildTimeConfig;

/**
 * Defines the caches other extensions register with {@link ExternalArenaCacheBuildItem}: resolves their element
 * codecs with the shared {@link CodecResolver}, so generated record codecs exist once however many caches use them.
 */
final class ExternalCacheDefinitions {

    private static final Type OBJECT = ClassType.create(DotNames.OBJECT);

    private ExternalCacheDefinitions() {
    }

    /** @throws IllegalStateException listing every problem of this cache */
    static CacheDefinitionBuildItem define(ExternalArenaCacheBuildItem cache,
            Map<String, List<InjectionPoint>> injectionPoints, ArenaCacheBuildTimeConfig config,
            CodecResolver resolver) {
        List<String> errors = new ArrayList<>();
        for (InjectionPoint injectionPoint : injectionPoints.getOrDefault(cache.getName(), List.of())) {
            if (injectionPoint.type().kind() == Type.Kind.PARAMETERIZED_TYPE && injectionPoint.type()
                    .asParameterizedType().arguments().stream().anyMatch(a -> !isObjectOrWildcard(a))) {
                errors.add("Arena cache '" + cache.getName() + "' is defined by " + cache.getOwner() + ", which stores"
                        + " keys and values of several types: inject it as ArenaCache<Object, Object>, not "
                        + injectionPoint.type() + " (" + injectionPoint.description() + ")");
            }
        }
        CodecSource key = assemble(cache, cache.getKeyCodec(), resolver, errors);
        CodecSource value = assemble(cache, cache.getValueCodec(), resolver, errors);
        if (!errors.isEmpty()) {
            throw new IllegalStateException(String.join("\n", errors));
        }
        CacheBuildTimeConfig cacheConfig = config.caches().get(cache.getName());
        boolean metrics = Optional.ofNullable(cacheConfig).flatMap(CacheBuildTimeConfig::metricsEnabled).orElse(true);
        return new CacheDefinitionBuildItem(cache.getName(), OBJECT, OBJECT, key, value, metrics);
    }

    private static boolean isObjectOrWildcard(Type type) {
        return type.kind() == Type.Kind.WILDCARD_TYPE || type.name().equals(DotNames.OBJECT);
    }

    private static CodecSource assemble(ExternalArenaCacheBuildItem cache, CodecAssembly assembly,
            CodecResolver resolver, List<String> errors) {
        List<CodecSource> elements = new ArrayList<>();
        for (CodecElement element : assembly.elements()) {
            try {
                elements.add(element.type() != null ? ofType(cache.getName(), element, resolver)
                        : ofCodecClass(element, resolver));
            } catch (IllegalStateException e) {
                errors.add(e.getMessage());
            }
        }
        return new CodecSource.Assembled(assembly.assemblerClass(), assembly.descriptor(), elements);
    }

    private static CodecSource ofType(String cacheName, CodecElement element, CodecResolver resolver) {
        CodecSource bean = resolver.bean(cacheName, element.type());
        return bean != null ? bean : resolver.derive(element.type(), element.origin());
    }

    private static CodecSource ofCodecClass(CodecElement element, CodecResolver resolver) {
        DotName codecClass = resolver.className(element.codecClass());
        CodecSource source = resolver.isCodecClass(codecClass) ? resolver.configured(codecClass) : null;
        if (source == null) {
            throw new IllegalStateException("Invalid value '" + element.codecClass() + "' for " + element.origin()
                    + ": not a class implementing io.quarkiverse.arenacache.Codec in the application index that is a"
                    + " CDI bean or has a public no-argument constructor");
        }
        return source;
    }
}
