package io.quarkiverse.arenacache.deployment.spi;

import java.util.List;
import java.util.Objects;

import org.jboss.jandex.Type;

import io.quarkus.builder.item.MultiBuildItem;

/**
 * An arena cache defined by another extension rather than by {@code @ArenaCacheName} injection points (e.g. the
 * quarkus-cache backend). Arena-cache creates, configures ({@code quarkus.arena-cache."name".*}), observes and closes
 * it like any other cache; its key and value codecs are <em>assembled</em>: arena-cache resolves the codec of every
 * {@link CodecElement} at build time (configured codec class, codec bean, built-in or generated codec) and, at run
 * time, passes them to {@code public static Codec<?> assemble(String descriptor, Codec<?>[] elements)} of
 * {@link CodecAssembly#assemblerClass()}, which returns the cache's codec.
 */
public final class ExternalArenaCacheBuildItem extends MultiBuildItem {

    /**
     * How to build one codec of the cache.
     *
     * @param assemblerClass a public class with {@code public static Codec<?> assemble(String, Codec<?>[])}
     * @param descriptor an opaque string passed to the assembler (e.g. which element codec encodes which shape)
     * @param elements the element codecs to resolve, in the order the assembler receives them
     */
    public record CodecAssembly(String assemblerClass, String descriptor, List<CodecElement> elements) {
        public CodecAssembly {
            Objects.requireNonNull(assemblerClass, "assemblerClass");
            Objects.requireNonNull(descriptor, "descriptor");
            elements = List.copyOf(elements);
        }
    }

    /**
     * One codec to resolve: either the codec of a type, or a configured codec class.
     *
     * @param type the type to encode, or {@code null} for a configured codec class
     * @param codecClass the fully qualified name of a configured {@code Codec} class, or {@code null}
     * @param origin where the type or class comes from (a method, a property), named in build errors
     */
    public record CodecElement(Type type, String codecClass, String origin) {

        /** @return the codec of {@code type}, derived or from a codec bean; {@code origin} names where it is used */
        public static CodecElement ofType(Type type, String origin) {
            return new CodecElement(Objects.requireNonNull(type, "type"), null, origin);
        }

        /** @return an instance of the codec class named by configuration property {@code property} */
        public static CodecElement ofCodecClass(String codecClass, String property) {
            return new CodecElement(null, Objects.requireNonNull(codecClass, "codecClass"), property);
        }
    }

    private final String name;
    private final CodecAssembly keyCodec;
    private final CodecAssembly valueCodec;
    private final String owner;

    /**
     * @param name the cache name
     * @param keyCodec how to build the key codec
     * @param valueCodec how to build the value codec
     * @param owner who defines the cache, named in build errors (e.g. {@code "quarkus-cache (quarkus.cache.type=arena)"})
     */
    public ExternalArenaCacheBuildItem(String name, CodecAssembly keyCodec, CodecAssembly valueCodec, String owner) {
        this.name = Objects.requireNonNull(name, "name");
        this.keyCodec = Objects.requireNonNull(keyCodec, "keyCodec");
        this.valueCodec = Objects.requireNonNull(valueCodec, "valueCodec");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    public String getName() {
        return name;
    }

    public CodecAssembly getKeyCodec() {
        return keyCodec;
    }

    public CodecAssembly getValueCodec() {
        return valueCodec;
    }

    public String getOwner() {
        return owner;
    }
}
