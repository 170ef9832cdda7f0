package io.quarkiverse.arenacache.quarkuscache.runtime;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkiverse.arenacache.Codec;
import io.quarkiverse.arenacache.runtime.codec.RecordCodecSupport;
import io.quarkiverse.arenacache.runtime.spi.WrappingKeyCodec;
import io.quarkus.cache.CompositeCacheKey;
import io.quarkus.cache.DefaultCacheKey;
import io.quarkus.cache.runtime.NullValueConverter;

/**
 * The codec of the keys or the values of one quarkus-cache cache on arena: a tag byte naming the shape of the
 * object, then the bytes of the shape's codec. The shapes are decided at build time from the cache's annotated
 * methods: a single class (a key parameter or a return type), a {@link CompositeCacheKey} of given element classes,
 * the cache's {@link DefaultCacheKey}, {@code null} (a cached {@code null} result), or any object for a configured
 * codec. The shape of an object is found from its runtime class, so equal keys always take the same shape and encode
 * to the same bytes: the shape of exactly that class if there is one, else the first shape whose declared class the
 * object is an instance of (a method declared to return {@code List<String>} returns an {@code ArrayList}; a
 * parameter of an interface type receives its implementations), as the declared type's codec (a {@code Codec} bean
 * for it) expects.
 */
public final class ShapeCodec implements Codec<Object>, WrappingKeyCodec {

    /** The object the cache stores for a {@code null} method result. */
    public static final Object NULL_VALUE = NullValueConverter.toCacheValue(null);

    private static final byte NULL_TAG = 0;

    private final String cacheName;
    private final String role;
    private final List<Shape> shapes;
    private final Map<String, Shape> singles = new HashMap<>();
    private final List<Shape> composites = new ArrayList<>();
    private final Shape defaultKey;
    private final Shape anything;
    private final DefaultCacheKey cacheDefaultKey;
    /** Loads the declared classes of the shapes, for objects of their subclasses and implementations. */
    private final ClassLoader classLoader;
    /** Runtime classes without a shape of their own, with the single shape of a supertype they take, if any. */
    private final Map<Class<?>, Optional<Shape>> inheritedSingles = new ConcurrentHashMap<>();

    ShapeCodec(String cacheName, String role, List<Shape> shapes) {
        this.cacheName = cacheName;
        this.role = role;
        this.shapes = List.copyOf(shapes);
        this.cacheDefaultKey = new DefaultCacheKey(cacheName);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        this.classLoader = loader != null ? loader : ShapeCodec.class.getClassLoader();
        Shape defaultShape = null;
        Shape configured = null;
        for (Shape shape : shapes) {
            switch (shape.kind) {
                case SINGLE -> singles.putIfAbsent(shape.classNames.get(0), shape);
                case COMPOSITE -> composites.add(shape);
                case DEFAULT_KEY -> defaultShape = shape;
                case ANY -> configured = shape;
            }
        }
        this.defaultKey = defaultShape;
        this.anything = configured;
    }

    /**
     * @return for keys of one single type (the default key aside): that type's codec, so that the Dev UI can read
     *         keys typed as text; else empty
     */
    @Override
    public Optional<Codec<?>> wrappedKeyCodec() {
        if (!role.equals("keys") || singles.size() != 1 || !composites.isEmpty() || anything != null) {
            return Optional.empty();
        }
        return Optional.of(singles.values().iterator().next().codecs.get(0));
    }

    /** @return whether {@code value} has a shape of this codec (an object without one cannot be in the cache) */
    public boolean canEncode(Object value) {
        return value == NULL_VALUE || shapeOf(value) != null;
    }

    @Override
    public int encodedSize(Object value) {
        if (value == NULL_VALUE) {
            return 1;
        }
        Shape shape = require(value);
        return Math.addExact(1, switch (shape.kind) {
            case DEFAULT_KEY -> 0;
            case COMPOSITE -> compositeSize(shape, (CompositeCacheKey) value);
            default -> shape.codecs.get(0).encodedSize(value);
        });
    }

    @Override
    public void encode(Object value, MemorySegment target, long offset) {
        if (value == NULL_VALUE) {
            target.set(JAVA_BYTE, offset, NULL_TAG);
            return;
        }
        Shape shape = require(value);
        target.set(JAVA_BYTE, offset, shape.tag);
        switch (shape.kind) {
            case DEFAULT_KEY -> {
            }
            case COMPOSITE -> {
                long at = offset + 1;
                Object[] elements = ((CompositeCacheKey) value).getKeyElements();
                for (int i = 0; i < elements.length; i++) {
                    at = RecordCodecSupport.write(shape.codecs.get(i), elements[i], target, at);
                }
            }
            default -> shape.codecs.get(0).encode(value, target, offset + 1);
        }
    }

    @Override
    public Object decode(MemorySegment source, long offset, int length) {
        byte tag = source.get(JAVA_BYTE, offset);
        if (tag == NULL_TAG) {
            return NULL_VALUE;
        }
        if (tag < 0 || tag > shapes.size()) {
            throw new IllegalArgumentException("malformed " + role + " of arena cache '" + cacheName + "': tag " + tag);
        }
        Shape shape = shapes.get(tag - 1);
        return switch (shape.kind) {
            case DEFAULT_KEY -> cacheDefaultKey;
            case COMPOSITE -> {
                long at = offset + 1;
                long end = offset + length;
                Object[] elements = new Object[shape.codecs.size()];
                for (int i = 0; i < elements.length; i++) {
                    elements[i] = RecordCodecSupport.read(shape.codecs.get(i), source, at, end);
                    at = RecordCodecSupport.skip(source, at, end);
                }
                RecordCodecSupport.checkEnd("CompositeCacheKey", at, end);
                yield new CompositeCacheKey(elements);
            }
            default -> shape.codecs.get(0).decode(source, offset + 1, length - 1);
        };
    }

    private int compositeSize(Shape shape, CompositeCacheKey key) {
        int total = 0;
        Object[] elements = key.getKeyElements();
        for (int i = 0; i < elements.length; i++) {
            total = RecordCodecSupport.addSize(total, shape.codecs.get(i), elements[i]);
        }
        return total;
    }

    private Shape require(Object value) {
        Shape shape = shapeOf(value);
        if (shape == null) {
            throw new IllegalArgumentException("Arena cache '" + cacheName + "' cannot store " + role + " " + describe(value)
                    + ": at build time its " + role + " were found to be " + shapes
                    + " (from the @CacheResult/@CacheInvalidate methods of the cache). Set quarkus.arena-cache.\""
                    + cacheName + "\"." + (role.equals("keys") ? "key" : "value") + "-codec to store other " + role);
        }
        return shape;
    }

    private Shape shapeOf(Object value) {
        if (value instanceof DefaultCacheKey) {
            return cacheDefaultKey.equals(value) ? defaultKey : null;
        }
        if (value instanceof CompositeCacheKey composite) {
            for (Shape shape : composites) {
                if (shape.matches(composite.getKeyElements())) {
                    return shape;
                }
            }
            for (Shape shape : composites) {
                if (shape.accepts(composite.getKeyElements(), classLoader)) {
                    return shape;
                }
            }
            return anything;
        }
        Shape single = singles.get(className(value));
        if (single == null) {
            single = inheritedSingles.computeIfAbsent(value.getClass(), this::inheritedSingle).orElse(null);
        }
        return single != null ? single : anything;
    }

    /** @return the first single shape whose declared class is a supertype of {@code type} */
    private Optional<Shape> inheritedSingle(Class<?> type) {
        for (Shape shape : shapes) {
            if (shape.kind == Kind.SINGLE && shape.declaredClass(0, classLoader).isAssignableFrom(type)) {
                return Optional.of(shape);
            }
        }
        return Optional.empty();
    }

    private static String describe(Object value) {
        if (value instanceof CompositeCacheKey composite) {
            List<String> classes = new ArrayList<>();
            for (Object element : composite.getKeyElements()) {
                classes.add(element == null ? "null" : className(element));
            }
            return "CompositeCacheKey" + classes;
        }
        return "of type " + className(value);
    }

    /** Enum constants with bodies are subclasses: they take the shape of their enum. */
    static String className(Object value) {
        return value instanceof Enum<?> constant ? constant.getDeclaringClass().getName() : value.getClass().getName();
    }

    /** The kinds of shapes. */
    public enum Kind {
        SINGLE,
        COMPOSITE,
        DEFAULT_KEY,
        ANY
    }

    /** One shape: its tag, kind, element classes and element codecs. */
    static final class Shape {
        final byte tag;
        final Kind kind;
        final List<String> classNames;
        final List<Codec<Object>> codecs;
        /** The element classes, loaded on first need; {@code Void} stands for a class that cannot be loaded. */
        private final Class<?>[] declaredClasses;

        Shape(byte tag, Kind kind, List<String> classNames, List<Codec<Object>> codecs) {
            this.tag = tag;
            this.kind = kind;
            this.classNames = List.copyOf(classNames);
            this.codecs = List.copyOf(codecs);
            this.declaredClasses = new Class<?>[classNames.size()];
        }

        /** @return the declared class of element {@code i}, or {@code Void.class} (matching no object) */
        Class<?> declaredClass(int i, ClassLoader loader) {
            Class<?> declared = declaredClasses[i];
            if (declared == null) {
                try {
                    declared = Class.forName(classNames.get(i), false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    declared = Void.class;
                }
                declaredClasses[i] = declared;
            }
            return declared;
        }

        /** @return whether every non-null element is an instance of the declared class at its position */
        boolean accepts(Object[] elements, ClassLoader loader) {
            if (elements.length != classNames.size()) {
                return false;
            }
            for (int i = 0; i < elements.length; i++) {
                if (elements[i] != null && !declaredClass(i, loader).isInstance(elements[i])) {
                    return false;
                }
            }
            return true;
        }

        boolean matches(Object[] elements) {
            if (elements.length != classNames.size()) {
                return false;
            }
            for (int i = 0; i < elements.length; i++) {
                if (elements[i] != null && !classNames.get(i).equals(className(elements[i]))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return switch (kind) {
                case SINGLE -> classNames.get(0);
                case COMPOSITE -> "CompositeCacheKey" + classNames;
                case DEFAULT_KEY -> "DefaultCacheKey";
                case ANY -> "any object (configured codec)";
            };
        }
    }
}
