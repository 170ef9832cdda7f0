package io.quarkiverse.arenacache.quarkuscache.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.quarkiverse.arenacache.Codec;
import io.quarkiverse.arenacache.quarkuscache.runtime.ShapeCodec.Kind;
import io.quarkiverse.arenacache.quarkuscache.runtime.ShapeCodec.Shape;

/**
 * Writes (at build time) and reads (at run time) the descriptor of a {@link ShapeCodec}, and assembles the codec from
 * the element codecs arena-cache resolved at build time. Descriptor: the cache name, the role ({@code keys} or
 * {@code values}), then one line per shape: {@code SINGLE class}, {@code COMPOSITE class,class,...},
 * {@code DEFAULT_KEY} or {@code ANY}. Each shape takes as many element codecs as it has classes ({@code ANY}: one).
 */
public final class ShapeCodecAssembler {

    /** At most this many shapes per codec: tags are one byte and tag 0 is the null value. */
    public static final int MAX_SHAPES = 127;

    private ShapeCodecAssembler() {
    }

    /** One shape as the build step describes it. */
    public record ShapeSpec(Kind kind, List<String> classNames) {

        public static ShapeSpec single(String className) {
            return new ShapeSpec(Kind.SINGLE, List.of(className));
        }

        public static ShapeSpec composite(List<String> classNames) {
            return new ShapeSpec(Kind.COMPOSITE, classNames);
        }

        public static ShapeSpec defaultKey() {
            return new ShapeSpec(Kind.DEFAULT_KEY, List.of());
        }

        public static ShapeSpec any() {
            return new ShapeSpec(Kind.ANY, List.of());
        }

        /** @return how many element codecs this shape takes */
        public int codecCount() {
            return kind == Kind.ANY ? 1 : classNames.size();
        }
    }

    /** @return the descriptor of a codec with these shapes, in this order */
    public static String describe(String cacheName, String role, List<ShapeSpec> shapes) {
        if (shapes.size() > MAX_SHAPES) {
            throw new IllegalArgumentException("Arena cache '" + cacheName + "' has " + shapes.size() + " " + role
                    + " shapes; at most " + MAX_SHAPES + " are supported");
        }
        StringBuilder descriptor = new StringBuilder(cacheName).append('\n').append(role);
        for (ShapeSpec shape : shapes) {
            descriptor.append('\n').append(shape.kind().name());
            if (!shape.classNames().isEmpty()) {
                descriptor.append(' ').append(String.join(",", shape.classNames()));
            }
        }
        return descriptor.toString();
    }

    /** Called by the code arena-cache generates: builds the codec of one cache's keys or values. */
    @SuppressWarnings("unchecked")
    public static Codec<?> assemble(String descriptor, Codec<?>[] elements) {
        List<String> lines = descriptor.lines().toList();
        String cacheName = lines.get(0);
        String role = lines.get(1);
        List<Shape> shapes = new ArrayList<>();
        int next = 0;
        for (int i = 2; i < lines.size(); i++) {
            String line = lines.get(i);
            int space = line.indexOf(' ');
            Kind kind = Kind.valueOf(space < 0 ? line : line.substring(0, space));
            List<String> classNames = space < 0 ? List.of() : Arrays.asList(line.substring(space + 1).split(","));
            int count = new ShapeSpec(kind, classNames).codecCount();
            List<Codec<Object>> codecs = new ArrayList<>();
            for (int c = 0; c < count; c++) {
                codecs.add((Codec<Object>) elements[next++]);
            }
            shapes.add(new Shape((byte) (shapes.size() + 1), kind, classNames, codecs));
        }
        if (next != elements.length) {
            throw new IllegalStateException("Arena cache '" + cacheName + "': " + elements.length
                    + " element codecs for a descriptor that takes " + next);
        }
        return new ShapeCodec(cacheName, role, shapes);
    }
}
