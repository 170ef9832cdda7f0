package io.quarkiverse.arenacache.quarkuscache.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.jandex.Type;

import io.quarkiverse.arenacache.quarkuscache.runtime.ShapeCodecAssembler.ShapeSpec;

/** What the application's code shows about one quarkus-cache cache: its key shapes, value types and other uses. */
final class CacheUsage {

    /** A shape with the types of its elements and where it was first seen. */
    record TypedShape(ShapeSpec shape, List<Type> types, String origin) {
    }

    final String name;
    /** Key shapes by descriptor text, in the order first seen. */
    final Map<String, TypedShape> keys = new LinkedHashMap<>();
    /** Value types by class name, in the order first seen. */
    final Map<String, TypedShape> values = new LinkedHashMap<>();
    /** Uses that may store keys or values of types the build cannot see (programmatic API, key generators). */
    final List<String> opaqueUses = new ArrayList<>();
    /** Key generators whose keys have unknown types. */
    final List<String> keyGenerators = new ArrayList<>();

    CacheUsage(String name) {
        this.name = name;
    }

    void addKey(ShapeSpec shape, List<Type> types, String origin) {
        keys.putIfAbsent(shape.kind() + " " + shape.classNames(), new TypedShape(shape, types, origin));
    }

    void addValue(String className, Type type, String origin) {
        values.putIfAbsent(className, new TypedShape(ShapeSpec.single(className), List.of(type), origin));
    }
}
