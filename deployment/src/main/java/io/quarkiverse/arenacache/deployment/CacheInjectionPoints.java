package io.quarkiverse.arenacache.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodParameterInfo;
import org.jboss.jandex.Type;

/** Finds every {@code @ArenaCacheName("x") ArenaCache<K, V>} injection point in the application index. */
final class CacheInjectionPoints {

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
            if (!type.name().equals(DotNames.ARENA_CACHE)) {
                continue;
            }
            String name = qualifier.value().asString();
            byName.computeIfAbsent(name, n -> new ArrayList<>()).add(new InjectionPoint(description, name, type));
        }
        return byName;
    }
}
