package io.quarkiverse.arenacache.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodParameterInfo;
import org.jboss.jandex.Type;

/**
 * Finds every {@code @ArenaCacheName("x") ArenaCache<K, V>} injection point in the application index, including lazy
 * ones ({@code Instance<ArenaCache<K, V>>}, {@code InjectableInstance<...>}, {@code Provider<...>}).
 */
final class CacheInjectionPoints {

    /** Wrappers through which a bean is injected lazily: the cache type is their type argument. */
    private static final Set<DotName> LAZY_WRAPPERS = Set.of(
            DotName.createSimple("jakarta.enterprise.inject.Instance"),
            DotName.createSimple("io.quarkus.arc.InjectableInstance"),
            DotName.createSimple("jakarta.inject.Provider"));

    /** One injection point: where it is, which cache, and the declared {@code ArenaCache} type. */
    record InjectionPoint(String description, String cacheName, Type type) {
    }

    private CacheInjectionPoints() {
    }

    /** @return injection points grouped by cache name, names in alphabetical order */
    static Map<String, List<InjectionPoint>> find(IndexView index) {
        Map<String, List<InjectionPoint>> byName = new TreeMap<>();
        for (AnnotationInstance qualifier : index.getAnnotations(DotNames.ARENA_CACHE_NAME)) {
            AnnotationTarget target = qualifier.target();
            Type type;
            String description;
            if (target.kind() == AnnotationTarget.Kind.FIELD) {
                type = target.asField().type();
                description = "field " + target.asField().declaringClass().name() + "#" + target.asField().name();
            } else if (target.kind() == AnnotationTarget.Kind.METHOD_PARAMETER) {
                MethodParameterInfo parameter = target.asMethodParameter();
                type = parameter.type();
                description = "parameter " + (parameter.name() != null ? parameter.name() : "#" + parameter.position())
                        + " of " + parameter.method().declaringClass().name() + "#" + parameter.method().name();
            } else {
                continue;
            }
            type = unwrapLazy(type);
            if (!type.name().equals(DotNames.ARENA_CACHE)) {
                continue;
            }
            String name = qualifier.value().asString();
            byName.computeIfAbsent(name, n -> new ArrayList<>()).add(new InjectionPoint(description, name, type));
        }
        return byName;
    }

    /** @return the type inside {@code Instance<T>}, {@code InjectableInstance<T>} or {@code Provider<T>}, else type */
    private static Type unwrapLazy(Type type) {
        if (LAZY_WRAPPERS.contains(type.name()) && type.kind() == Type.Kind.PARAMETERIZED_TYPE) {
            return type.asParameterizedType().arguments().get(0);
        }
        return type;
    }
}
