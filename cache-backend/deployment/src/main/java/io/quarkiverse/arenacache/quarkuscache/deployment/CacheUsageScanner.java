package io.quarkiverse.arenacache.quarkuscache.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.PrimitiveType;
import org.jboss.jandex.Type;

import io.quarkiverse.arenacache.quarkuscache.runtime.ShapeCodecAssembler.ShapeSpec;
import io.quarkus.cache.CacheInvalidate;
import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CacheResult;
import io.quarkus.cache.runtime.UndefinedCacheKeyGenerator;

/**
 * Reads the cache annotations of the application like quarkus-cache's interceptors will use them at run time: which
 * key each method computes (the default key, one parameter, or a composite of parameters) and which values
 * {@code @CacheResult} methods return (unwrapping {@code Uni} and {@code CompletionStage}).
 */
final class CacheUsageScanner {

    static final DotName CACHE_RESULT = DotName.createSimple(CacheResult.class);
    static final DotName CACHE_INVALIDATE = DotName.createSimple(CacheInvalidate.class);
    static final DotName CACHE_INVALIDATE_LIST = DotName.createSimple(CacheInvalidate.List.class);
    static final DotName CACHE_INVALIDATE_ALL = DotName.createSimple(CacheInvalidateAll.class);
    static final DotName CACHE_INVALIDATE_ALL_LIST = DotName.createSimple(CacheInvalidateAll.List.class);
    static final DotName CACHE_KEY = DotName.createSimple(CacheKey.class);
    static final DotName CACHE_NAME = DotName.createSimple(CacheName.class);
    static final DotName UNDEFINED_KEY_GENERATOR = DotName.createSimple(UndefinedCacheKeyGenerator.class);
    static final DotName UNI = DotName.createSimple("io.smallrye.mutiny.Uni");
    static final DotName MULTI = DotName.createSimple("io.smallrye.mutiny.Multi");
    static final DotName VOID = DotName.createSimple(Void.class);
    static final List<DotName> STAGES = List.of(DotName.createSimple(java.util.concurrent.CompletionStage.class),
            DotName.createSimple(java.util.concurrent.CompletableFuture.class));

    private final IndexView index;
    private final Map<String, CacheUsage> caches = new TreeMap<>();

    CacheUsageScanner(IndexView index) {
        this.index = index;
    }

    /** @return every cache name the annotations and {@code @CacheName} injection points use, with its usage */
    Map<String, CacheUsage> scan() {
        for (AnnotationInstance binding : index.getAnnotations(CACHE_RESULT)) {
            method(binding, binding.target());
        }
        for (DotName name : List.of(CACHE_INVALIDATE, CACHE_INVALIDATE_ALL)) {
            for (AnnotationInstance binding : index.getAnnotations(name)) {
                method(binding, binding.target());
            }
        }
        for (DotName container : List.of(CACHE_INVALIDATE_LIST, CACHE_INVALIDATE_ALL_LIST)) {
            for (AnnotationInstance list : index.getAnnotations(container)) {
                for (AnnotationInstance binding : list.value().asNestedArray()) {
                    method(binding, list.target());
                }
            }
        }
        for (AnnotationInstance qualifier : index.getAnnotations(CACHE_NAME)) {
            AnnotationTarget target = qualifier.target();
            if (target.kind() == AnnotationTarget.Kind.FIELD || target.kind() == AnnotationTarget.Kind.METHOD_PARAMETER) {
                usage(qualifier.value().asString()).opaqueUses.add("@CacheName injection point " + target);
            }
        }
        return caches;
    }

    CacheUsage usage(String name) {
        return caches.computeIfAbsent(name, CacheUsage::new);
    }

    private void method(AnnotationInstance binding, AnnotationTarget target) {
        if (target == null || target.kind() != AnnotationTarget.Kind.METHOD) {
            return; // class-level bindings only exist on quarkus-cache's own interceptors
        }
        MethodInfo method = target.asMethod();
        CacheUsage usage = usage(binding.value("cacheName").asString());
        String where = method.declaringClass().name() + "#" + method.name();
        if (binding.name().equals(CACHE_INVALIDATE_ALL)) {
            return;
        }
        if (binding.name().equals(CACHE_RESULT) && method.returnType().name().equals(MULTI)) {
            return; // quarkus-cache never caches a Multi nor computes its key: nothing to encode
        }
        AnnotationValue keyGenerator = binding.value("keyGenerator");
        if (keyGenerator != null && !keyGenerator.asClass().name().equals(UNDEFINED_KEY_GENERATOR)) {
            usage.keyGenerators.add("key generator " + keyGenerator.asClass().name() + " of method " + where);
        } else {
            addKeyShape(usage, method, where);
        }
        if (binding.name().equals(CACHE_RESULT)) {
            addValueType(usage, method, where);
        }
    }

    private void addKeyShape(CacheUsage usage, MethodInfo method, String where) {
        List<Integer> positions = new ArrayList<>();
        for (AnnotationInstance key : method.annotations(CACHE_KEY)) {
            if (key.target().kind() == AnnotationTarget.Kind.METHOD_PARAMETER) {
                positions.add((int) key.target().asMethodParameter().position());
            }
        }
        positions.sort(null);
        if (method.parametersCount() == 0) {
            usage.addKey(ShapeSpec.defaultKey(), List.of(), "method " + where);
            return;
        }
        if (positions.isEmpty()) {
            for (int i = 0; i < method.parametersCount(); i++) {
                positions.add(i);
            }
        }
        List<Type> types = new ArrayList<>();
        List<String> classNames = new ArrayList<>();
        for (int position : positions) {
            Type type = boxed(method.parameterType(position));
            types.add(type);
            classNames.add(runtimeClassName(type));
        }
        String origin = "key of method " + where + " (cache '" + usage.name + "', parameter"
                + (positions.size() > 1 ? "s " : " ") + positions.stream().map(p -> parameterName(method, p)).toList()
                + ")";
        usage.addKey(types.size() == 1 ? ShapeSpec.single(classNames.get(0)) : ShapeSpec.composite(classNames),
                types, origin);
    }

    private void addValueType(CacheUsage usage, MethodInfo method, String where) {
        Type type = method.returnType();
        if (type.name().equals(UNI) || STAGES.contains(type.name())) {
            if (type.kind() != Type.Kind.PARAMETERIZED_TYPE) {
                usage.addValue(type.name().toString(), type, "return type of method " + where + " (cache '" + usage.name
                        + "'): a raw " + type.name().local() + " has no element type to encode");
                return;
            }
            type = type.asParameterizedType().arguments().get(0);
        }
        type = boxed(type);
        if (type.name().equals(VOID)) {
            return; // only null, which every value codec stores
        }
        usage.addValue(runtimeClassName(type), type, "return type of method " + where + " (value of cache '"
                + usage.name + "')");
    }

    private static String parameterName(MethodInfo method, int position) {
        String name = method.parameterName(position);
        return name != null ? name : "#" + position;
    }

    private static Type boxed(Type type) {
        return type.kind() == Type.Kind.PRIMITIVE ? PrimitiveType.box(type.asPrimitiveType()) : type;
    }

    /** @return the name {@code getClass().getName()} gives for instances of {@code type} */
    static String runtimeClassName(Type type) {
        // An array type's name is its binary name ("[B"), as Class.getName has it; unlike equals and toString, the
        // name ignores type-use annotations (@NotNull byte[] data annotates the element type)
        return type.name().toString();
    }
}
